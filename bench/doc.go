// Package bench holds end-to-end benchmarks that need more than the runtime
// package: scripts run against the in-process PingOne platform built from
// fixtures. It has no code of its own; see bench_test.go and BENCHMARKS.md.
package bench
