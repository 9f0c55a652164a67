// Template literals.

// probe: basic
// result: `a${1 + 1}b`

// probe: multiline
// result: t
var t = `x
y`;

// probe: nested
// result: `${`in${2}`}out`

// probe: object-interpolation
// result: `${{}}`

// probe: array-interpolation
// result: `${[1, 2]}`

// probe: null-undefined
// result: `${null}|${undefined}`

// probe: escape-backtick
// result: `\`${"$"}{x}`

// probe: function-call
// result: `v=${f()}`
function f() { return "called"; }

// probe: tagged
// result: tag`a${1}b${2}c`
function tag(s, a, b) { return s.join("|") + ":" + a + b; }

// probe: tagged-raw
// result: tag`\n`
function tag(s) { return s.raw[0] + "," + s[0].length; }

// probe: string-raw
// result: String.raw`a\tb${1}`

// probe: type
// result: typeof `x` + "," + (`x` === "x")

// probe: in-json-stringify
// result: JSON.stringify({k: `v${1}`})

// probe: unicode-escape
// result: `\u00e9\u{1F600}`.length

// probe: toString-called
// result: `${o}`
var o = {toString: function () { return "ts"; }, valueOf: function () { return "vo"; }};

// probe: conversion-order
// result: log.join()
var log = []; var o = {toString: function () { log.push("ts"); return {}; }, valueOf: function () { log.push("vo"); return 1; }}; var s = `${o}`;

// probe: date-substitution
// result: `${d}` === d.toString()
var d = new Date(0);
