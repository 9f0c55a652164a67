#!/usr/bin/env bash
# The pooled/floor ratio of issue 2, measured so that machine load cancels:
# PAIRS times, BenchmarkBareGoja and BenchmarkRunPooled run back to back in
# one process (one benchmark run), and the ratio of each pair is taken. On a
# shared machine the floor alone moves by ±25 % between runs; a ratio of two
# medians taken minutes apart inherits that, a median of paired ratios does
# not. Within a process Go runs the floor first, always: an effect of order
# (the second warmer, or slower) is not cancelled, only the load is.
set -euo pipefail
cd "$(dirname "$0")/.."
PAIRS=${PAIRS:-15}
BENCHTIME=${BENCHTIME:-1s}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
bin=$dir/runtime.test
go test -c -o "$bin" ./runtime
for _ in $(seq "$PAIRS"); do
	"$bin" -test.run '^$' -test.bench '^Benchmark(BareGoja|RunPooled)$' -test.benchtime "$BENCHTIME" | grep '^Benchmark'
done | awk '
	/BareGoja/ { floor = $3 }
	/RunPooled/ { n++; f[n] = floor; p[n] = $3; r[n] = $3 / floor; printf "pair %2d: floor %6.1f ns/op  pooled %6.1f ns/op  ratio %.3f\n", n, floor, $3, $3 / floor }
	function median(a, n,   i, j, t) {
		for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
		return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
	}
	END {
		printf "median of %d pairs: floor %.1f ns/op, pooled %.1f ns/op, pooled/floor %.3fx (target <= 1.5x)\n", n, median(f, n), median(p, n), median(r, n)
	}'
