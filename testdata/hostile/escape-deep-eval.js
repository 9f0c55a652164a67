// Attempt: Crashing the host with deeply nested code handed to eval (goja's parser recurses in Go; a Go stack overflow is fatal).
// Containment: The nesting check refuses code nested more than 1000 levels with a RangeError before parsing.
// expect: exception: RangeError: the code is nested more than 1000 levels deep
eval("[".repeat(1e6));
