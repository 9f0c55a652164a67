// String methods, ES5 and ES2015+.

// probe: includes
// result: "abc".includes("b") + "," + "abc".includes("b", 2)

// probe: startswith-endswith
// result: "abc".startsWith("ab") + "," + "abc".endsWith("bc") + "," + "abc".startsWith("b", 1)

// probe: repeat
// result: "ab".repeat(3)

// probe: repeat-negative
// result: "ab".repeat(-1)

// probe: normalize
// result: "e\u0301".normalize("NFC").length

// probe: padstart
// result: "5".padStart(3, "0")

// probe: padend
// result: "5".padEnd(3, "*")

// probe: trim
// result: "[" + "  a b  ".trim() + "]"

// probe: trimstart-trimend
// result: "[" + "  a  ".trimStart() + "][" + "  a  ".trimEnd() + "]"

// probe: trimleft
// result: "[" + "  a  ".trimLeft() + "]"

// probe: at
// result: "abc".at(-1)

// probe: codepointat
// result: "\ud83d\ude00".codePointAt(0)

// probe: fromcodepoint
// result: String.fromCodePoint(128512).length

// probe: fromcharcode
// result: String.fromCharCode(72, 105)

// probe: substr-negative
// result: "abcdef".substr(-3, 2)

// probe: substring-swap
// result: "abcdef".substring(4, 1)

// probe: slice-negative
// result: "abcdef".slice(-2)

// probe: split-limit
// result: "a,b,c".split(",", 2).join("|")

// probe: split-empty
// result: "abc".split("").join("|")

// probe: split-undefined
// result: "abc".split().length

// probe: indexof-lastindexof
// result: "abcabc".indexOf("c") + "," + "abcabc".lastIndexOf("c") + "," + "abc".indexOf("")

// probe: charat-out-of-range
// result: "[" + "abc".charAt(5) + "]" + typeof "abc"[5]

// probe: localecompare
// result: ["b", "a", "C"].sort(function (x, y) { return x.localeCompare(y); }).join()

// probe: touppercase-unicode
// result: "straße".toUpperCase()

// probe: tolowercase-turkish
// result: "İ".toLowerCase().length

// probe: concat
// result: "a".concat(1, null, undefined)

// probe: string-length-astral
// result: "😀".length

// probe: string-index-assign
// result: s
var s = "abc"; s[0] = "z";

// probe: string-html-methods
// result: "x".bold() + "x".anchor("a\"b")

// probe: string-iterator
// result: typeof ""[Symbol.iterator]

// probe: string-raw-exists
// result: typeof String.raw

// probe: string-match-string-arg
// result: "a.c".match(".").index

// probe: encodeuricomponent
// result: encodeURIComponent("a b&c/é?")

// probe: encodeuri
// result: encodeURI("http://x.com/a b?q=1&r=é#h")

// probe: decodeuricomponent-bad
// result: decodeURIComponent("%E0%A4%A")

// probe: escape-unescape
// result: escape("a b+é") + "," + unescape("%u00e9")

// probe: btoa
// result: typeof btoa

// probe: string-compare
// result: ("a" < "b") + "," + ("B" < "a") + "," + ("10" < "9")

// probe: string-wrapper-typeof
// result: typeof new String("x") + "," + (new String("x") == "x")

// probe: string-constructor-symbol
// result: String(null) + String(undefined) + String(12.50)

// probe: template-like-format
// result: "Hello {0}".replace("{0}", "Bob")

// probe: replace-special-dollar-string
// result: "abc".replace("b", "$$-$&-$`-$'")

// probe: tostring-radix-string
// result: "ff".toString(16)

// probe: string-prototype-trim-nbsp
// result: "\u00a0x\ufeff".trim().length

// probe: matchall-iterate
// result: Array.from("a1b2".matchAll(/\d/g), function (m) { return m[0]; }).join()

// probe: string-html-methods-all
// result: ["x".big(), "x".fixed(), "x".fontcolor("red"), "x".fontsize(7), "x".italics(), "x".link("u\"v"), "x".small(), "x".strike(), "x".sub(), "x".sup(), "x".anchor()].join("|")

// probe: string-html-generic
// result: String.prototype.bold.call(12) + String.prototype.link.length

// probe: string-equals
// result: ["abc".equals("abc"), "abc".equals(new String("abc")), "1".equals(1), "a".equals("A")].join()

// probe: string-equalsignorecase
// result: ["abc".equalsIgnoreCase("ABC"), "ß".equalsIgnoreCase("SS"), "a".equalsIgnoreCase(), "Straße".equalsIgnoreCase("STRASSE")].join()

// probe: split-regex-limit
// result: JSON.stringify("a1b2c3d".split(/\d/, 2)) + JSON.stringify("a1b2c3d".split(/(\d)/, 3)) + JSON.stringify("a, b ,c".split(/\s*(,)\s*/))

// probe: replace-dollar-patterns
// result: "john smith".replace(/(\w+)\s(\w+)/, "$2, $1 $3 $10 $01 $& [$`|$'] $$")

// probe: tofixed-rounding
// result: [(1.005).toFixed(2), (1.45).toFixed(1), (0.5).toFixed(0), (2.5).toFixed(0), (-1.5).toFixed(0), (1e21).toFixed(2), (-0.0001).toFixed(2)].join()
