// Package scripts holds journeyjs's example scripts, one or more per AIC
// script context, each with its fixtures and its test cases
// (*.test.yaml, run by `journeyjs test scripts`). Its Go files are the
// end-to-end benchmarks of those scripts against the in-process PingOne
// platform built from their fixtures; see bench_test.go and BENCHMARKS.md.
package scripts
