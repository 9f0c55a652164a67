// Attempt: Java.type to reach java.lang.Runtime and run a command.
// Containment: There is no Java in next-generation scripts: ReferenceError with a hint.
// expect: exception: ReferenceError: Java is not defined (next-generation scripts cannot use Java classes or load files)
var rt = Java.type("java.lang.Runtime").getRuntime();
rt.exec("id");
