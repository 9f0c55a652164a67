// Strict mode.

// probe: undeclared-assign
// result: typeof zz
"use strict";
zz = 1;

// probe: undeclared-assign-message
// messages: match
"use strict";
zz = 1;

// probe: this-undefined
// result: f()
"use strict";
function f() { return typeof this; }

// probe: with-statement
// result: r
"use strict";
var r; with ({a: 1}) { r = a; }

// probe: octal-literal
// result: x
"use strict";
var x = 010;

// probe: duplicate-params
// result: f(1, 2)
"use strict";
function f(a, a) { return a; }

// probe: delete-unqualified
// result: 1
"use strict";
var v = 1; delete v;

// probe: arguments-callee
// result: f()
"use strict";
function f() { return typeof arguments.callee; }

// probe: eval-assign
// result: 1
"use strict";
eval = 1;

// probe: function-strict-only
// result: f() + "," + g()
function f() { "use strict"; return this === undefined; }
function g() { return this === undefined; }

// probe: readonly-assign
// result: f()
function f() { "use strict"; var o = {}; Object.defineProperty(o, "x", {value: 1}); try { o.x = 2; return "no error"; } catch (e) { return e.name; } }

// probe: nonextensible-add
// result: f()
function f() { "use strict"; var o = Object.preventExtensions({}); try { o.x = 2; return "no error"; } catch (e) { return e.name; } }

// probe: top-level-strict-this
// result: typeof this
"use strict";

// probe: let-in-strict
// result: f()
function f() { "use strict"; let a = 1; return a; }
