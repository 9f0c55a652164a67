package runtime

import (
	"math"
	"time"

	"github.com/dlclark/regexp2/v2"
)

// RegexpMatchTimeout bounds one regular expression match run by the
// backtracking engine goja uses for patterns Go's regexp cannot run
// (backreferences, lookaround). A native match cannot be interrupted by a
// run's time limit, so without this bound one catastrophic pattern such as
// /^(a+)+\1$/ holds its runtime (and the run's caller) for minutes. A match
// that times out throws a catchable Error, "RegExp match exceeded its time
// limit of 1s" (patched goja): never "no match", which would let a pattern
// that matches flip to not matching as the input grows.
const RegexpMatchTimeout = time.Second

// regexp2's default is a process-wide setting, read when a pattern is
// compiled; it is changed only if nothing else in the process changed it.
func init() {
	if regexp2.DefaultMatchTimeout == time.Duration(math.MaxInt64) {
		regexp2.DefaultMatchTimeout = RegexpMatchTimeout
	}
}
