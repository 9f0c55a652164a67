// Attempt: JavaImporter, as legacy AIC scripts did, to reach java.lang.System.
// Containment: JavaImporter imports only the next-gen allow-list: System is not found.
// expect: exception: ReferenceError: System is not defined
var imports = new JavaImporter(java.lang);
with (imports) { System.exit(0); }
