// Attempt: An infinite loop in the script body.
// Containment: The watchdog interrupts the run at its time limit; the runtime is discarded.
// expect: timeout
while (true) {}
