// Attempt: A typed array of 3x10^7 elements filled and then joined into a 90-million-character string, each in a single native call (with 10^9 elements the buffer alone is a gigabyte).
// Containment: The buffer is charged to the allocation meter before it is allocated; the fill and join loops check the interrupt flag and join charges its result as it grows.
// time-limit: 3s
// expect: memory|timeout
new Uint8Array(3e7).fill(1).join("--");
