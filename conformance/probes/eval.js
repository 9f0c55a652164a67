// eval and Function: direct and indirect, scope.

// probe: direct-eval-local
// result: f()
function f() { var a = 2; return eval("a * 3"); }

// probe: indirect-eval-global
// result: f()
var a = "global";
function f() { var a = "local"; return (0, eval)("typeof a"); }

// probe: eval-declares-var
// result: typeof z + ":" + z
eval("var z = 5");

// probe: eval-declares-in-function
// result: f()
function f() { eval("var q = 1"); return typeof q; }

// probe: eval-strict-no-leak
// result: f()
function f() { "use strict"; eval("var q = 1"); return typeof q; }

// probe: eval-syntax-error
// result: f()
function f() { try { eval("var = 1"); } catch (e) { return e.name; } }

// probe: eval-completion-value
// result: eval("1; 2; if (true) { 3; }")

// probe: eval-non-string
// result: eval({a: 1}).a

// probe: eval-let
// result: f()
function f() { try { return eval("let w = 1; w"); } catch (e) { return e.name; } }

// probe: function-constructor-global-scope
// result: f()
var g = "G";
function f() { var g = "L"; return Function("return typeof g + g")(); }

// probe: eval-this
// result: f.call({v: "this"})
function f() { return eval("this.v"); }

// probe: eval-function-declaration
// result: typeof ef + ":" + ef()
eval("function ef() { return 'ef'; }");

// probe: settimeout-string
// result: typeof setTimeout
