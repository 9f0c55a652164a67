// Regular expressions: flags, lookbehind, named groups, sticky, unicode,
// replace and split forms.

// probe: test-basic
// result: /ab+c/.test("xabbbc")

// probe: exec-groups
// result: /(\d+)-(\d+)/.exec("tel 12-34").slice(0).join("|")

// probe: exec-index
// result: /b/.exec("abc").index

// probe: global-lastindex
// result: r.exec(s)[0] + r.lastIndex + r.exec(s)[0] + r.lastIndex
var r = /a./g, s = "a1a2";

// probe: match-global
// result: "a1b22c333".match(/\d+/g).join()

// probe: match-nonglobal
// result: "x=1".match(/(\w)=(\d)/).join()

// probe: match-null
// result: "abc".match(/z/)

// probe: replace-global
// result: "a.b.c".replace(/\./g, "/")

// probe: replace-first-string
// result: "a.b.c".replace(".", "/")

// probe: replace-dollar
// result: "john smith".replace(/(\w+)\s(\w+)/, "$2, $1 ($&)")

// probe: replace-fn
// result: "a1b2".replace(/\d/g, function (m, off) { return "[" + m + off + "]"; })

// probe: replaceAll
// result: "a.b.c".replaceAll(".", "/")

// probe: split-regexp
// result: "a1b22c".split(/\d+/).join("|")

// probe: split-capture
// result: "a1b2c".split(/(\d)/).join("|")

// probe: flag-i
// result: /ABC/i.test("abc")

// probe: flag-m
// result: "a\nb".match(/^b$/m)[0]

// probe: flag-s-dotall
// result: /a.b/s.test("a\nb")

// probe: flag-y-sticky
// result: r.test("xa") + "," + r.test("ax")
var r = /a/y;

// probe: flag-u-unicode
// result: /^.$/u.test("\ud83d\ude00")

// probe: flags-property
// result: /a/gi.flags

// probe: source-property
// result: /a\/b/.source

// probe: lookahead
// result: "price: 30USD".match(/\d+(?=USD)/)[0]

// probe: negative-lookahead
// result: "ab ac".match(/a(?!b)./)[0]

// probe: lookbehind
// result: "USD30".match(/(?<=USD)\d+/)[0]

// probe: negative-lookbehind
// result: "a1 b2".match(/(?<!a)\d/)[0]

// probe: named-groups
// result: "2024-05".match(/(?<y>\d{4})-(?<m>\d{2})/).groups.y

// probe: named-backreference-replace
// result: "2024-05".replace(/(?<y>\d{4})-(?<m>\d{2})/, "$<m>/$<y>")

// probe: unicode-property-escape
// result: /\p{L}+/u.test("é")

// probe: backreference
// result: /(a)\1/.test("aa")

// probe: non-greedy
// result: "<a><b>".match(/<.+?>/)[0]

// probe: regexp-constructor-string
// result: new RegExp("a+", "g").test("caat")

// probe: regexp-constructor-regexp-flags
// result: String(new RegExp(/ab/g, "i"))

// probe: regexp-tostring
// result: String(/a\/b/gim)

// probe: invalid-regexp
// result: typeof new RegExp("(")

// probe: invalid-literal
// result: typeof r
var r = /(/;

// probe: email-like
// result: /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test("Bob.Smith@Example.COM")

// probe: word-boundary
// result: "hello world".replace(/\b\w/g, function (c) { return c.toUpperCase(); })

// probe: matchAll
// result: typeof "a".matchAll

// probe: search
// result: "abcdef".search(/d/)

// probe: escape-sequences
// result: /\x41\u0042\t/.test("AB\t")

// probe: char-class-edge
// result: "a-b]c".match(/[\]-]/g).join("")

// probe: case-insensitive-unicode
// result: /é/i.test("É")

// probe: lastindex-reset-test
// result: r.test("a") + "," + r.test("a")
var r = /a/g;

// probe: empty-match-global
// result: "abc".replace(/x*/g, "-")

// probe: regexp-call-regexp-flags
// messages: match
// result: String(RegExp(/ab/, "g"))

// probe: regexp-constructor-regexp-undefined-flags
// result: String(new RegExp(/ab/g, undefined)) + String(RegExp(/ab/g))
