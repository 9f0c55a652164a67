// Attempt: grow a java.util.ArrayList without bound. Its elements live in Go memory, out of goja's sight.
// Containment: the java binding charges every element that enters a Java collection to the run's allocation meter, so the run stops as memory (or at its time limit on a slow machine), never the host.
// expect: memory|timeout
var l = new java.util.ArrayList();
var s = "0123456789abcdef0123456789abcdef";
while (true) { l.add(s); }
