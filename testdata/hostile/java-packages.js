// Attempt: Packages.java.lang.System.exit(0).
// Containment: No Packages global.
// expect: exception: ReferenceError: Packages is not defined
Packages.java.lang.System.exit(0);
