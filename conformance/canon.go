package conformance

import (
	"fmt"
	"strings"
)

// canonSource is the canonicaliser both engines run after a probe: ES3 (it
// must parse in Rhino at language version 0) and strict-mode clean (a probe
// may be strict). It turns the result value into text:
//
//	undefined null true false            as written
//	numbers                              "" + v, and -0 as "-0"
//	strings                              double-quoted, \" \\ and \uXXXX escapes
//	functions                            function
//	arrays                               [a,b] (holes: <hole>)
//	Date                                 Date(<time value>)
//	RegExp                               RegExp(/src/flags)
//	Error                                Error(<name>,<message>)
//	String/Number/Boolean objects        Boxed(<value>)
//	Java objects (Rhino)                 Java(<class>,<String(v)>)
//	other objects                        {"k":v,…} own enumerable keys in
//	                                     for-in order, prefixed by their
//	                                     class when it is not Object
//	repeated object                      <cycle>; deeper than 6: <deep>
//
// It reads only typeof, Object.prototype.toString, hasOwnProperty and
// charCodeAt, so a probe that changes other built-ins does not change how its
// answer is written.
const canonSource = `function __jjCanon(v) {
  var seen = [];
  var ots = Object.prototype.toString;
  var own = Object.prototype.hasOwnProperty;
  function q(s) {
    var o = '"';
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c === 34) { o += '\\"'; }
      else if (c === 92) { o += '\\\\'; }
      else if (c < 32 || c > 126) {
        var h = c.toString(16);
        while (h.length < 4) { h = "0" + h; }
        o += "\\u" + h;
      } else { o += s.charAt(i); }
    }
    return o + '"';
  }
  function c(v, d) {
    var t = typeof v;
    if (v === null) { return "null"; }
    if (t === "undefined") { return "undefined"; }
    if (t === "boolean") { return v ? "true" : "false"; }
    if (t === "number") { return (v === 0 && 1 / v < 0) ? "-0" : "" + v; }
    if (t === "string") { return q(v); }
    if (t === "function") { return "function"; }
    if (t !== "object") { return t; }
    for (var i = 0; i < seen.length; i++) { if (seen[i] === v) { return "<cycle>"; } }
    if (d > 6) { return "<deep>"; }
    var k = ots.call(v);
    if (k.indexOf("Java") >= 0) {
      var cls = "";
      try { cls = String(v.getClass().getName()); } catch (e) { cls = k; }
      return "Java(" + cls + "," + q(String(v)) + ")";
    }
    seen[seen.length] = v;
    var o;
    if (k === "[object Array]") {
      o = "[";
      for (var j = 0; j < v.length; j++) {
        if (j > 0) { o += ","; }
        o += (j in v) ? c(v[j], d + 1) : "<hole>";
      }
      return o + "]";
    }
    if (k === "[object Date]") { return "Date(" + c(v.getTime(), d + 1) + ")"; }
    if (k === "[object RegExp]") { return "RegExp(" + String(v) + ")"; }
    if (k === "[object Error]") { return "Error(" + q(String(v.name)) + "," + q(String(v.message)) + ")"; }
    if (k === "[object String]" || k === "[object Number]" || k === "[object Boolean]") {
      return "Boxed(" + c(v.valueOf(), d + 1) + ")";
    }
    o = (k === "[object Object]" ? "" : k) + "{";
    var first = true;
    for (var key in v) {
      if (own.call(v, key)) {
        if (!first) { o += ","; }
        first = false;
        o += q(key) + ":" + c(v[key], d + 1);
      }
    }
    return o + "}";
  }
  return c(v, 0);
}
`

// Kinds of Answer.
const (
	KindValue        = "value"
	KindNoResult     = "no-result"
	KindCompileError = "compile-error"
	KindException    = "exception"
	KindTimeout      = "timeout"
	KindInternal     = "internal" // the harness failed, not the script
)

// Answer is what an engine said about one probe, the oracle's JSON answer
// line (see conformance/oracle/Oracle.java) and journeyjs's result in the
// same shape.
type Answer struct {
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	Value   string `json:"value,omitempty"`
	Type    string `json:"type,omitempty"`
	Message string `json:"message,omitempty"`
	Line    int    `json:"line,omitempty"`
}

// Key is what two answers must share to agree: the kind, then the canonical
// value, or the exception type; with messages, also the message of a
// compile error or exception. Compile-error lines are not compared: the two
// parsers stop at different tokens.
func (a Answer) Key(messages bool) string {
	switch a.Kind {
	case KindValue:
		return "value " + a.Value
	case KindCompileError:
		if messages {
			return "compile-error: " + a.Message
		}
		return "compile-error"
	case KindException:
		if messages {
			return "exception " + a.Type + ": " + a.Message
		}
		return "exception " + a.Type
	case KindInternal:
		return "internal " + a.Message
	}
	return a.Kind
}

// String is the full answer, for reports.
func (a Answer) String() string {
	switch a.Kind {
	case KindValue:
		return a.Value
	case KindCompileError:
		if a.Line > 0 {
			return fmt.Sprintf("compile error (line %d): %s", a.Line, a.Message)
		}
		return "compile error: " + a.Message
	case KindException:
		if a.Message == "" {
			return "throws " + a.Type
		}
		return "throws " + a.Type + ": " + a.Message
	case KindInternal:
		return "harness failure: " + a.Message
	}
	return a.Kind
}

// exceptionAnswer splits journeyjs's "Name: message" text (or "Uncaught
// <value>" for a thrown non-Error) into type and message.
func exceptionAnswer(text string) Answer {
	if rest, ok := strings.CutPrefix(text, "Uncaught "); ok {
		return Answer{Kind: KindException, Type: "(thrown)", Message: rest}
	}
	typ, msg, found := strings.Cut(text, ": ")
	if !found {
		return Answer{Kind: KindException, Type: strings.TrimSpace(text)}
	}
	return Answer{Kind: KindException, Type: typ, Message: msg}
}
