// Attempt: Crashing the host with deeply nested JSON (JSON.parse recurses in Go; "[".repeat(5e6) killed the process before the check).
// Containment: The nesting check refuses JSON nested more than 1000 levels with a RangeError.
// expect: exception: RangeError: JSON nested more than 1000 levels deep
JSON.parse("[".repeat(1e6));
