package jsvalue

import (
	"math"
	"strconv"
	"strings"
)

// JavaDouble is Java's Double.toString(f), which AIC's bindings print
// numbers with (Rhino hands a script's numbers to Java as doubles): the
// shortest digits that read back, in plain notation from 10⁻³ up to 10⁷
// (always with a fraction: 1.0), in computerized scientific notation
// outside (1.0E7, 1.5E-4), and NaN, Infinity and -Infinity by name.
func JavaDouble(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}
	if a := math.Abs(f); a >= 1e-3 && a < 1e7 {
		s := strconv.FormatFloat(f, 'f', -1, 64)
		if !strings.Contains(s, ".") {
			s += ".0"
		}
		return s
	}
	mant, exp, _ := strings.Cut(strconv.FormatFloat(f, 'E', -1, 64), "E")
	if !strings.Contains(mant, ".") {
		mant += ".0"
	}
	e, _ := strconv.Atoi(exp)
	return mant + "E" + strconv.Itoa(e)
}
