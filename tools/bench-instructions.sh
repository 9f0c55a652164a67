#!/usr/bin/env bash
# Instructions per operation, counted by callgrind, of the benchmarks whose
# ns/op this shared machine makes too noisy to compare: the pooled run and
# its floor, the compile cache at 10 and 10,000 scripts, and the
# credential-issuing script with its parts. Unlike ns/op, instruction counts
# do not depend on what else the machine is doing. GC is off while
# counting: its cost depends on when cycles happen. Each benchmark runs
# twice, with N and 2N iterations; the difference divided by N removes
# set-up cost. cpu.rdtscp=off: valgrind 3.19 advertises RDTSCP but cannot run
# it, so without it every Go binary dies of SIGILL in runtime.cputicks.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)"; exit 1; }
N=${N:-20000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go test -c -o "$dir/runtime.test" ./runtime
go test -c -o "$dir/scripts.test" ./scripts
count() { # package benchmark iterations; run from the package's directory
	(cd "$1" && GOGC=off GODEBUG=asyncpreemptoff=1,cpu.rdtscp=off valgrind --tool=callgrind --callgrind-out-file=/dev/null \
		"$dir/$1.test" -test.run '^$' -test.bench "^Benchmark$2\$" -test.benchtime "$3x" -test.cpu 1 2>&1 >/dev/null |
		sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
}
declare -A per
measure() { # package benchmark iterations
	local a c
	a=$(count "$1" "$2" "$3")
	c=$(count "$1" "$2" $((2 * $3)))
	per[$2]=$(((c - a) / $3))
	printf '%-40s %10d instructions/op\n' "$2" "${per[$2]}"
}
measure runtime BareGoja "$N"
measure runtime RunPooled "$N"
measure runtime RunCold $((N / 100))
awk -v p="${per[RunPooled]}" -v f="${per[BareGoja]}" 'BEGIN { printf "pooled / floor = %.2fx (target <= 1.5x)\n", p / f }'
measure runtime 'CompileCache/scripts=10' "$N"
measure runtime 'CompileCache/scripts=10000' "$N"
awk -v a="${per[CompileCache/scripts=10]}" -v b="${per[CompileCache/scripts=10000]}" \
	'BEGIN { printf "compile cache, 10,000 / 10 scripts = %.2fx in instructions\n", b / a }'
measure scripts IssueCredential $((N / 100))
measure scripts IssueCredentialCannedResponses $((N / 100))
measure scripts 'IssueCredentialResponsesAsJS/jsvalue' $((N / 100))
