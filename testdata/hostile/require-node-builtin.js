// Attempt: require() of Node.js built-ins (child_process, fs).
// Containment: There are no Node.js modules.
// expect: exception: Node.js modules are not available
require("child_process").execSync("id");
