#!/usr/bin/env bash
# Instructions per operation of the runtime benchmarks, counted by callgrind.
# Unlike ns/op, instruction counts do not depend on what else the machine is
# doing, so the pooled/floor ratio is repeatable. GC is off while counting:
# its cost depends on when cycles happen, and both sides allocate alike
# (160 vs 208 bytes per op in the ns/op benchmarks). Each benchmark runs twice,
# with N and 2N iterations; the difference divided by N removes set-up cost.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)"; exit 1; }
N=${N:-20000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
bin=$dir/runtime.test
go test -c -o "$bin" ./runtime
count() { # benchmark iterations
	GOGC=off GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
		"$bin" -test.run '^$' -test.bench "^Benchmark$1\$" -test.benchtime "$2x" -test.cpu 1 2>&1 >/dev/null |
		sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
declare -A per
for b in BareGoja RunPooled RunCold; do
	n=$N
	[ "$b" = RunCold ] && n=$((N / 100))
	a=$(count "$b" "$n"); c=$(count "$b" $((2 * n)))
	per[$b]=$(((c - a) / n))
	printf '%-12s %10d instructions/op\n' "$b" "${per[$b]}"
done
awk -v p="${per[RunPooled]}" -v f="${per[BareGoja]}" 'BEGIN { printf "pooled / floor = %.2fx (target <= 1.5x)\n", p / f }'
