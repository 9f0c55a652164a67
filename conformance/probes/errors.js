// Errors: types, messages, properties, custom errors, finally.

// probe: reference-error
// result: x
undefinedName;

// probe: reference-error-message
// messages: match
undefinedName;

// probe: type-error-call
// messages: match
var o = {}; o.nope();

// probe: type-error-undefined-prop
// messages: match
var u; u.prop;

// probe: type-error-null-prop
// messages: match
var n = null; n.prop;

// probe: caught-name-message
// result: r
var r; try { null.x; } catch (e) { r = e.name + "|" + (e instanceof TypeError) + "|" + (e instanceof Error); }

// probe: caught-message-text
// result: r
var r; try { var o = {}; o.f(); } catch (e) { r = e.message; }

// probe: error-tostring
// result: String(new Error("m")) + "," + String(new TypeError())

// probe: error-properties
// result: [typeof e.stack, "lineNumber" in e, "fileName" in e, "columnNumber" in e].join()
var e = new Error("m");

// probe: error-stack-format
// result: typeof e.stack === "string" && e.stack.indexOf("f") >= 0
function f() { return new Error("x"); }
var e = f();

// probe: custom-error-prototype
// result: r
function MyError(m) { this.name = "MyError"; this.message = m; }
MyError.prototype = Object.create(Error.prototype);
MyError.prototype.constructor = MyError;
var r; try { throw new MyError("boom"); } catch (e) { r = e.name + ":" + e.message + ":" + (e instanceof Error) + ":" + String(e); }

// probe: custom-error-uncaught
// messages: match
function MyError(m) { this.name = "MyError"; this.message = m; }
MyError.prototype = Object.create(Error.prototype);
throw new MyError("boom");

// probe: throw-string
// messages: match
throw "plain string";

// probe: throw-object
// messages: match
throw {code: 42};

// probe: throw-number-caught
// result: r
var r; try { throw 42; } catch (e) { r = typeof e + e; }

// probe: finally-order
// result: log.join()
var log = []; function f() { try { log.push("t"); return "r"; } finally { log.push("f"); } }
log.push(f());

// probe: finally-overrides-return
// result: f()
function f() { try { return 1; } finally { return 2; } }

// probe: error-without-new
// result: Error("x").message + "," + (Error("x") instanceof Error)

// probe: range-error-array
// result: r
var r; try { new Array(-1); } catch (e) { r = e.name; }

// probe: range-error-tofixed
// result: r
var r; try { (1).toFixed(200); } catch (e) { r = e.name; }

// probe: syntax-error-json
// result: r
var r; try { JSON.parse("{"); } catch (e) { r = e.name; }

// probe: uri-error
// result: r
var r; try { decodeURIComponent("%"); } catch (e) { r = e.name; }

// probe: error-cause
// result: String(new Error("m", {cause: "c"}).cause)

// probe: aggregate-error
// result: typeof AggregateError

// probe: catch-without-binding
// result: r
var r = "no"; try { throw 1; } catch { r = "yes"; }

// probe: conditional-catch
// result: r
var r; try { throw 1; } catch (e if e === 1) { r = "one"; }

// probe: error-name-assign
// result: String(e)
var e = new Error("m"); e.name = "Custom";

// probe: internal-error-type
// result: typeof InternalError

// probe: rethrow-type
// result: r
var r; try { try { null.x; } catch (e) { throw e; } } catch (e2) { r = e2.constructor === TypeError; }

// probe: stack-overflow-catch
// result: r
function f() { return f(); }
var r; try { f(); } catch (e) { r = e.name; }

// probe: undefined-function-call-message
// messages: match
var helper; helper();

// probe: not-a-function-message
// messages: match
var s = "str"; s.foo();

// probe: method-of-undefined-message
// messages: match
// note: Rhino says "Cannot call method", not "Cannot read property", for a call
var user; user.getName();

// probe: set-property-of-undefined-message
// messages: match
var state; state.count = 5;

// probe: set-property-of-null-element-message
// messages: match
var state = null, key = "k"; state[key] = "v";

// probe: delete-property-of-undefined-message
// messages: match
var state; delete state.count;

// probe: compound-assign-undefined-message
// messages: match
var state, key = "n"; state[key]++;

// probe: read-element-of-undefined-message
// messages: match
var list; list[0];

// probe: number-variable-called-message
// messages: match
var h = 5; h();

// probe: property-not-a-function-message
// messages: match
var cfg = {mode: "strict"}; cfg.mode();

// probe: missing-method-on-array-message
// messages: match
[1, 2].contains(1);

// probe: missing-method-custom-tostring-message
// messages: match
var o = {toString: function () { return "Custom"; }}; o.missing();

// probe: missing-method-in-caught-error
// result: r
var r; try { var s = "abc"; s.trimLeftX(); } catch (e) { r = e.name + ": " + e.message; }

// probe: call-result-not-a-function-message
// messages: match
function f() { return "s"; } f()();

// probe: instanceof-primitive-message
// messages: match
var a = 1, b = 2; a instanceof b;

// probe: in-primitive-message
// messages: match
var k = "a", s = "abc"; k in s;

// probe: reference-error-in-function-message
// messages: match
function f() { return missingThing + 1; } f();

// probe: engine-error-position
// result: r
var a = 1;
var r; try { null.x; } catch (e) { r = e.lineNumber + "|" + e.hasOwnProperty("fileName") + "|" + (e.fileName === "errors/engine-error-position"); }

// probe: error-constructor-file-line
// result: [e.message, e.fileName, e.lineNumber].join("|")
var e = new Error("m", "lib.js", 7);

// probe: error-stack-rhino-format
// result: e.stack
function foo() { return new Error("x"); }
var e = foo();

// probe: error-capture-stack-trace
// result: typeof o.stack + "|" + o.stack + "|" + Object.keys(o).length
function f() { var o = {}; Error.captureStackTrace(o, f); return o; }
var o = f();

// probe: stack-overflow-message
// result: r
function f() { return f(); }
var r; try { f(); } catch (e) { r = e.name + "|" + e.message + "|" + (e instanceof InternalError); }

// probe: internal-error-constructor
// result: String(new InternalError("q")) + "|" + (Object.getPrototypeOf(InternalError.prototype) === Error.prototype) + "|" + InternalError.length
