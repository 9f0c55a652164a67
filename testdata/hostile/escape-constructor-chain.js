// Attempt: this.constructor.constructor('return process')(): the classic sandbox escape to the host's process object.
// Containment: The Function constructor compiles in the sandbox's own global: there is no process to reach.
// expect: exception: ReferenceError: process is not defined
var f = this.constructor.constructor("return process");
f().mainModule.require("child_process").execSync("id");
