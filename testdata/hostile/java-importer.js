// Attempt: JavaImporter, as legacy AIC scripts did.
// Containment: No JavaImporter global.
// expect: exception: ReferenceError: JavaImporter is not defined
var imports = new JavaImporter();
