// JSON.parse and JSON.stringify edge cases.

// probe: stringify-basic
// result: JSON.stringify({a: 1, b: [true, null, "s"]})

// probe: stringify-undefined-member
// result: JSON.stringify({a: undefined, b: function () {}, c: 1})

// probe: stringify-undefined-in-array
// result: JSON.stringify([undefined, function () {}])

// probe: stringify-top-undefined
// result: typeof JSON.stringify(undefined)

// probe: stringify-nan-infinity
// result: JSON.stringify([NaN, Infinity, -0])

// probe: stringify-indent-number
// result: JSON.stringify({a: [1, {b: 2}]}, null, 2)

// probe: stringify-indent-string
// result: JSON.stringify({a: 1}, null, "--")

// probe: stringify-replacer-fn
// result: JSON.stringify({a: 1, b: "x"}, function (k, v) { return typeof v === "number" ? v * 10 : v; })

// probe: stringify-replacer-array
// result: JSON.stringify({a: 1, b: 2, c: 3}, ["c", "a"])

// probe: stringify-tojson
// result: JSON.stringify({t: {toJSON: function (k) { return "key:" + k; }}})

// probe: stringify-cycle
// result: JSON.stringify(o)
var o = {}; o.self = o;

// probe: stringify-unicode
// result: JSON.stringify("é\u2028\ud800")

// probe: stringify-control
// result: JSON.stringify("\b\f\n\r\t\u0001")

// probe: stringify-integer-keys-order
// result: JSON.stringify({b: 1, 2: 1, a: 1, 1: 1})

// probe: stringify-boxed
// result: JSON.stringify([new String("s"), new Number(1), new Boolean(false)])

// probe: stringify-large-number
// result: JSON.stringify([1e21, 1e-7, 123456789012345680000])

// probe: stringify-nested-array-indent
// result: JSON.stringify([[]], null, 1)

// probe: stringify-date-key
// result: JSON.stringify(new Date(0))

// probe: parse-basic
// result: JSON.parse('{"a":[1,2,{"b":null}]}').a[2].b

// probe: parse-reviver
// result: JSON.stringify(JSON.parse('{"a":1,"b":{"c":2}}', function (k, v) { return typeof v === "number" ? v + 1 : v; }))

// probe: parse-trailing-comma
// result: JSON.parse('[1,2,]')

// probe: parse-single-quotes
// result: JSON.parse("{'a':1}")

// probe: parse-error-message
// result: JSON.parse("{bad")
// messages: match

// probe: parse-error-type
// result: JSON.parse("{bad")

// probe: parse-number-forms
// result: JSON.stringify(JSON.parse("[1E2, -0, 0.5e-1]"))

// probe: parse-leading-zero
// result: JSON.parse("01")

// probe: parse-whitespace
// result: JSON.parse(" \t\n 1 \r\n")

// probe: parse-duplicate-keys
// result: JSON.parse('{"a":1,"a":2}').a

// probe: parse-proto-key
// result: typeof JSON.parse('{"__proto__":{"x":1}}').x

// probe: parse-big-int
// result: JSON.parse("12345678901234567890")

// probe: parse-empty
// result: JSON.parse("")

// probe: parse-non-string
// result: JSON.parse(null)

// probe: roundtrip-unicode-escape
// result: JSON.parse('"\\u00e9\\ud83d\\ude00"').length

// probe: json-tostring-tag
// result: Object.prototype.toString.call(JSON)

// probe: stringify-getter
// result: JSON.stringify({get g() { return "got"; }})

// probe: stringify-symbol-key
// result: JSON.stringify({a: 1})

// probe: parse-error-trailing-comma
// messages: match
// result: JSON.parse('{"a":1,}')

// probe: parse-error-html
// messages: match
// note: an HTML error page where JSON was expected
// result: JSON.parse("<html><body>Bad Gateway</body></html>")

// probe: parse-error-empty
// messages: match
// result: JSON.parse("")

// probe: parse-error-undefined
// messages: match
// result: JSON.parse(undefined)

// probe: parse-error-unterminated
// messages: match
// result: JSON.parse('{"a":[1,2')

// probe: parse-error-trailing-text
// messages: match
// result: JSON.parse('{"a":1} x')

// probe: parse-error-single-quotes
// messages: match
// result: JSON.parse("{'a':1}")

// probe: parse-error-missing-colon
// messages: match
// result: JSON.parse('{"a" 1}')

// probe: parse-error-bad-escape
// messages: match
// result: JSON.parse('"a\\x"')

// probe: parse-error-number
// messages: match
// result: JSON.parse("[1.]")

// probe: parse-error-control-char
// messages: match
// result: JSON.parse('"a\tb"')

// probe: parse-error-short-unicode-escape
// messages: match
// result: JSON.parse('"\\u12"')

// probe: stringify-lone-surrogate-key
// result: JSON.stringify({"\ud800": "\udc00"})

// probe: stringify-cycle-message
// messages: match
// result: JSON.stringify(o)
var o = {a: [1]}; o.a.push(o);

// probe: stringify-cycle-array-message
// messages: match
// result: JSON.stringify(a)
var a = [1]; a.push(a);

// probe: stringify-array-key-type
// result: JSON.stringify([{toJSON: function (k) { return typeof k; }}], function (k, v) { return k === "" || typeof k === "number" ? v : typeof k; })

// probe: stringify-regexp
// result: JSON.stringify({a: /x/, b: [/y/], c: 1})

// probe: stringify-number-like-keys-order
// result: JSON.stringify({1.5: 1, "-1": 2, 10: 3, 9: 4, "01": 5})

// probe: parse-reviver-order
// result: o.join()
var o = []; JSON.parse('{"b":1,"2":2,"a":{"z":1,"0":2}}', function (k, v) { o.push(k); return v; });

// probe: parse-keys-order
// result: Object.keys(JSON.parse('{"id":"x","10":1,"2":2,"name":"n"}')).join()
