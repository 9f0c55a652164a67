// Number formatting and parsing.

// probe: tofixed
// result: (1.005).toFixed(2) + "," + (1.45).toFixed(1) + "," + (0).toFixed(2)

// probe: tofixed-large
// result: (1e21).toFixed(2) + "," + (123.456).toFixed(0)

// probe: tofixed-negative
// result: (-1.5).toFixed(0) + "," + (-0.0001).toFixed(2)

// probe: tofixed-range
// result: (1).toFixed(101)

// probe: toprecision
// result: (123.456).toPrecision(4) + "," + (0.000123).toPrecision(2) + "," + (123456).toPrecision(2)

// probe: toexponential
// result: (123456).toExponential(2) + "," + (0).toExponential() + "," + (1.5).toExponential()

// probe: tostring-radix
// result: (255).toString(16) + "," + (255).toString(2) + "," + (-255).toString(36) + "," + (0.5).toString(2)

// probe: tostring-radix-fraction
// result: (3.14).toString(16)

// probe: tostring-radix-invalid
// result: (1).toString(1)

// probe: exponent-forms
// result: [1e21, 1e20, 1e-6, 1e-7, 123e-20, -1e21].join()

// probe: float-rounding
// result: 0.1 + 0.2

// probe: max-safe
// result: Number.MAX_SAFE_INTEGER + "," + Number.EPSILON + "," + Number.MIN_VALUE + "," + Number.MAX_VALUE

// probe: integer-2-53
// result: 9007199254740993

// probe: isinteger-issafeinteger
// result: Number.isInteger(5.0) + "," + Number.isSafeInteger(2 * 9007199254740991)

// probe: number-isnan-vs-global
// result: Number.isNaN("x") + "," + isNaN("x")

// probe: parseint
// result: parseInt("08") + "," + parseInt("0x1f") + "," + parseInt("12px") + "," + parseInt("") + "," + parseInt("1e3")

// probe: parseint-radix
// result: parseInt("z", 36) + "," + parseInt("11", 2) + "," + parseInt("9", 8)

// probe: parsefloat
// result: parseFloat("3.14abc") + "," + parseFloat(".5") + "," + parseFloat("-.5e1") + "," + parseFloat("Infinityx")

// probe: number-parse-statics
// result: (Number.parseInt === parseInt) + "," + typeof Number.parseFloat

// probe: number-constructor-strings
// result: [Number(""), Number(" 12 "), Number("0x10"), Number("0b11"), Number("0o7"), Number("1_000"), Number("12px")].join()

// probe: octal-literal
// result: 010 + "," + 08

// probe: binary-octal-literals
// result: 0b101 + 0o17

// probe: numeric-separator
// result: 1_000

// probe: division-by-zero
// result: [1 / 0, -1 / 0, 0 / 0].join()

// probe: modulo-negative
// result: (-7 % 3) + "," + (7 % -3) + "," + (5.5 % 2)

// probe: math-round
// result: [Math.round(2.5), Math.round(-2.5), Math.round(0.49999999999999994)].join()

// probe: math-es2015
// result: [Math.trunc(-4.7), Math.sign(-3), Math.cbrt(27), Math.log2(8), Math.hypot(3, 4)].join()

// probe: math-fround-clz
// result: typeof Math.fround + typeof Math.clz32 + typeof Math.imul

// probe: bitwise
// result: [5 & 3, 5 | 3, 5 ^ 3, ~5, -16 >> 2, -16 >>> 28, 1 << 31].join()

// probe: exponent-operator
// result: 2 ** 10

// probe: math-pow
// result: Math.pow(2, 0.5) + "," + Math.pow(NaN, 0)

// probe: tolocalestring-number
// result: (1234567.891).toLocaleString()

// probe: number-tostring-large
// result: String(123456789012345678901234567890)

// probe: number-tostring-small
// result: String(0.000001) + "," + String(0.0000001)

// probe: negative-zero-string
// result: String(-0) + "," + (-0).toFixed(0) + "," + JSON.stringify(-0)

// probe: int-double-display
// result: String(5 / 2 * 2) + "," + 1.0

// probe: number-format-currency
// result: (Math.round(19.999 * 100) / 100).toFixed(2)

// probe: intl
// result: typeof Intl

// probe: bigint
// result: typeof 10n

// probe: parseint-legacy-octal
// result: [parseInt("010"), parseInt("-010"), parseInt("019"), parseInt("0"), parseInt("00"), parseInt("09", 10), parseInt(" 012")].join()

// probe: number-signed-hex
// result: [Number("-0x10"), Number("+0x10"), +" 0x1F ", Number("0x")].join()

// probe: tostring-radix-caught
// result: r
var r; try { (10).toString(37); } catch (e) { r = e.name + "|" + e.message + "|" + (e instanceof InternalError); }

// probe: precision-messages
// result: r.join("|")
var r = [];
try { (1).toFixed(200); } catch (e) { r.push(e.name + ": " + e.message); }
try { (1).toPrecision(0); } catch (e) { r.push(e.name + ": " + e.message); }
try { (1).toExponential(101); } catch (e) { r.push(e.name + ": " + e.message); }

// probe: math-rhino-formulas
// result: [Math.log2(8), Math.log2(1024), Math.asinh(1), Math.acosh(2), Math.atanh(0.5), Math.atanh(1), Math.hypot(1, 2, 3), Math.hypot(3, 4)].join()

// probe: math-cosh
// result: Math.cosh(1)

// probe: min-value-denormal
// result: [Number.MIN_VALUE, 2 * Number.MIN_VALUE, 2.5e-320].join()

// probe: bitwise-not-huge
// note: found by the differential fuzzer: ToInt32 of a double past 2^63 wraps modulo 2^32
// result: [~1e21, 1e21 | 0, 1e21 >>> 0, -1e300 | 0, 2e19 >> 1].join()
