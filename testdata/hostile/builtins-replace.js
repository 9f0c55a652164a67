// Attempt: Replacing JSON.parse, Math.random and Date.now to fool later runs.
// Containment: JSON, Math and Date are frozen: strict-mode assignment throws.
// expect: exception: TypeError
"use strict";
var done = [];
try { JSON.parse = function () { return {admin: true}; }; } catch (e) { done.push("JSON"); }
try { Math.random = function () { return 0; }; } catch (e) { done.push("Math"); }
Date.now = function () { return 0; };
