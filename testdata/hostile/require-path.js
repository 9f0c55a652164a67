// Attempt: require() of a file path to read host files.
// Containment: require loads registered library scripts by name only.
// expect: exception: scripts cannot require files by path
var passwd = require("../../../../etc/passwd");
