package jsvalue

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Java's own answers (Double.toString on JDK 17).
func TestJavaDouble(t *testing.T) {
	for f, want := range map[float64]string{
		1: "1.0", 0: "0.0", math.Copysign(0, -1): "-0.0", 1.5: "1.5", 1e7: "1.0E7", 12345678: "1.2345678E7",
		0.001: "0.001", 0.0001: "1.0E-4", 1.5e-4: "1.5E-4", 1e21: "1.0E21", -2.5: "-2.5",
		math.NaN(): "NaN", math.Inf(1): "Infinity", math.Inf(-1): "-Infinity",
	} {
		assert.Equal(t, want, JavaDouble(f), "%v", f)
	}
}
