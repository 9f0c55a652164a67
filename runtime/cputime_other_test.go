//go:build !unix

package runtime

import "time"

// processCPU is not measured here: cpu-ns/run reads 0.
func processCPU() time.Duration { return 0 }
