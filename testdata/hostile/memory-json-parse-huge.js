// Attempt: JSON.parse of a 100 MB array text, which grew to gigabytes of values inside one native call.
// Containment: JSON.parse charges its input copy and every value to the allocation meter and checks the interrupt flag.
// time-limit: 3s
// expect: memory|timeout|exception: RangeError
JSON.parse("[" + "1,".repeat(5e7) + "1]");
