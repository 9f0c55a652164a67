package goja

// journeyjs patch: Rhino's numbers. Rhino 1.7.14 at language version 0
// reads a leading 0 in parseInt as octal, knows neither 0b nor 0o in a
// string converted by Number() or unary plus but accepts a signed 0x,
// words its range errors differently (a bad radix is an InternalError), and
// computes Math.log2, asinh, acosh, atanh and hypot with its own
// formulas, whose last bits (and, for atanh, whose answers) differ from
// Go's. Everything here runs only in Rhino mode.

import (
	"math"
	"strings"
)

// jjRadixError is the error for Number.prototype.toString's radix outside
// 2..36: Rhino raises it as an InternalError naming the radix and where.
func (r *Runtime) jjRadixError(radix int) *Object {
	if r.jj.rhino {
		return r.builtin_new(r.rhinoInternalError(), []Value{
			newStringValue("illegal radix " + intToValue(int64(radix)).String() + "." + r.vm.rhinoWhere())})
	}
	return r.newError(r.getRangeError(), "toString() radix argument must be between 2 and 36").(*Object)
}

// jjPrecisionError is the RangeError for toFixed, toExponential or
// toPrecision given a precision out of range; upstream is goja's message.
func (r *Runtime) jjPrecisionError(arg Value, upstream string) Value {
	if r.jj.rhino {
		return r.newError(r.getRangeError(), "Precision "+arg.toString().String()+" out of range.")
	}
	return r.newError(r.getRangeError(), upstream)
}

// rhinoParseInt is parseInt without a radix as Rhino reads it: after the
// sign, a 0 followed by a digit starts an octal number ("010" is 8, "08"
// is NaN, "019" is 1). ok is false when the ES5 reading applies.
func rhinoParseInt(s string, radix int) (Value, bool) {
	if radix != 0 {
		return nil, false
	}
	sign, rest := "", s
	if rest != "" && (rest[0] == '-' || rest[0] == '+') {
		sign, rest = rest[:1], rest[1:]
	}
	if len(rest) < 2 || rest[0] != '0' || rest[1] < '0' || rest[1] > '9' {
		return nil, false
	}
	v, _ := parseInt(sign+rest[1:], 8)
	return v, true
}

// jjParseInt is parseInt(s, radix) with Rhino's octal reading in Rhino mode.
func (r *Runtime) jjParseInt(s string, radix int) Value {
	if r.jj.rhino {
		if v, ok := rhinoParseInt(s, radix); ok {
			return v
		}
	}
	v, _ := parseInt(s, radix)
	return v
}

// rhinoStringToNumber converts a string as Rhino's ToNumber does where it
// differs from ES2015: "0b…" and "0o…" are NaN, and a hexadecimal number
// may carry a sign ("-0x10" is -16). ok is false for every other string.
func rhinoStringToNumber(v Value) (Value, bool) {
	s, isString := v.(String)
	if !isString {
		return nil, false
	}
	t := strings.TrimSpace(s.String())
	neg := false
	if t != "" && (t[0] == '-' || t[0] == '+') {
		neg, t = t[0] == '-', t[1:]
	}
	if len(t) < 2 || t[0] != '0' {
		return nil, false
	}
	switch t[1] {
	case 'b', 'B', 'o', 'O':
		return _NaN, true
	case 'x', 'X':
		digits := t[2:]
		if digits == "" || strings.TrimLeft(digits, "0123456789abcdefABCDEF") != "" {
			return _NaN, true
		}
		n, _ := parseInt(digits, 16)
		if neg {
			return floatToValue(-n.ToFloat()), true
		}
		return n, true
	}
	return nil, false
}

// jjToNumber is v.ToNumber() with Rhino's reading of strings in Rhino
// mode: Number(v) and +v.
func (r *Runtime) jjToNumber(v Value) Value {
	if r.jj.rhino {
		if n, ok := rhinoStringToNumber(v); ok {
			return n
		}
	}
	return v.ToNumber()
}

// rhinoMath is Rhino's formula for the Math functions that it computes
// itself, or nil when Rhino's agrees with Go's.
func rhinoMath(name string) func(x float64) float64 {
	switch name {
	case "log2":
		return func(x float64) float64 {
			if x < 0 {
				return math.NaN()
			}
			return math.Log(x) * 1.4426950408889634
		}
	case "asinh":
		return func(x float64) float64 {
			if math.IsInf(x, 0) || math.IsNaN(x) || x == 0 {
				return x
			}
			return math.Log(x + math.Sqrt(x*x+1))
		}
	case "acosh":
		return func(x float64) float64 {
			return math.Log(x + math.Sqrt(x*x-1))
		}
	case "atanh":
		// Rhino's formula divides by x-1 where it should divide by 1-x:
		// every argument between -1 and 1 other than 0 gives NaN.
		return func(x float64) float64 {
			if math.IsNaN(x) || x < -1 || x > 1 || x == 0 {
				if x == 0 {
					return x
				}
				return math.NaN()
			}
			return 0.5 * math.Log((x+1)/(x-1))
		}
	}
	return nil
}

// rhinoHypot is Rhino's Math.hypot: the square root of the sum of squares,
// with no scaling; an infinite argument wins over NaN.
func rhinoHypot(args []Value) Value {
	sum, nan, inf := 0.0, false, false
	for _, a := range args {
		x := nilSafe(a).ToFloat()
		switch {
		case math.IsNaN(x):
			nan = true
		case math.IsInf(x, 0):
			inf = true
		default:
			sum += x * x
		}
	}
	switch {
	case inf:
		return _positiveInf
	case nan:
		return _NaN
	}
	return floatToValue(math.Sqrt(sum))
}

// jjMath applies Rhino's formula for the named Math function in Rhino
// mode, and Go's (goFn) otherwise.
func (r *Runtime) jjMath(name string, goFn func(float64) float64, x float64) Value {
	if r.jj.rhino {
		if f := rhinoMath(name); f != nil {
			return floatToValue(f(x))
		}
	}
	return floatToValue(goFn(x))
}
