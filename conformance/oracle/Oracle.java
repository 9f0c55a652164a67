// Oracle evaluates scripts the way PingOne AIC (AM 8.1.1) evaluates
// next-generation journey scripts, on Mozilla Rhino 1.7.14: language version
// 0, interpreted (optimisation -1), an instruction observer every 1000
// instructions that interrupts a script past its time limit with
// Error("Interrupt."), a maximum interpreter stack depth of 10000, Java Map
// keys readable as properties, a Java class allow-list, and a fresh
// ScriptContextScope per script (see ScriptContextScope.java and
// /work/shared/spec/aic-scripting.md section 1).
//
// It is long-lived: it reads many scripts from stdin and answers each with one
// JSON line on stdout, so a suite pays for one JVM start.
//
// Request framing (UTF-8): a header line "<byte length> <name>\n" followed by
// exactly that many bytes of JavaScript source.
//
// Answer (one line of JSON per request, keys in this order):
//   {"name":N,"kind":K,...}
// where K is
//   "value"          the script called action.goTo(v): "value" holds String(v)
//                    (the last call wins)
//   "no-result"      the script finished without calling action.goTo
//   "compile-error"  "message" and "line": Rhino's parser error
//   "exception"      "type" and "message": the uncaught exception (for a
//                    thrown Error its name and message; "(thrown)" and
//                    String(value) for any other thrown value)
//   "timeout"        the instruction observer interrupted the script
//   "internal"       the oracle itself failed ("message")
package journeyjs.oracle;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.mozilla.javascript.BaseFunction;
import org.mozilla.javascript.ClassShutter;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.ContextFactory;
import org.mozilla.javascript.EcmaError;
import org.mozilla.javascript.EvaluatorException;
import org.mozilla.javascript.JavaScriptException;
import org.mozilla.javascript.NativeObject;
import org.mozilla.javascript.RhinoException;
import org.mozilla.javascript.Script;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.WrappedException;

public final class Oracle {

    /** AM's instruction observer threshold. */
    static final int OBSERVER_THRESHOLD = 1000;
    /** AM's maximum interpreter stack depth. */
    static final int MAX_STACK_DEPTH = 10000;

    /**
     * The next-generation allow-list (AM's scripted decision node context),
     * plus the java.lang boxes AIC lets scripts construct, plus the JSR-223
     * context class behind the `context` global.
     */
    static final String[] ALLOW = {
        "java.lang.Object", "java.lang.String", "java.lang.Boolean", "java.lang.Integer",
        "java.lang.Double", "java.lang.Byte", "java.lang.Character", "java.lang.Character$Subset",
        "java.lang.Character$UnicodeBlock", "java.lang.Float", "java.lang.Long", "java.lang.Math",
        "java.lang.Number", "java.lang.Short", "java.lang.StrictMath", "java.lang.Void",
        "java.util.AbstractMap$*", "java.util.ArrayList", "java.util.Collections",
        "java.util.concurrent.TimeUnit", "java.util.Collections$*", "java.util.HashSet",
        "java.util.HashMap$KeyIterator", "java.util.LinkedHashSet", "java.util.LinkedList",
        "java.util.TreeSet", "java.util.Date", "java.util.concurrent.ExecutionException",
        "java.util.concurrent.TimeoutException", "javax.script.SimpleScriptContext",
    };

    static final class Shutter implements ClassShutter {
        private final Set<String> exact = new HashSet<>();
        private final String[] prefixes;

        Shutter(String[] patterns) {
            java.util.List<String> p = new java.util.ArrayList<>();
            for (String s : patterns) {
                if (s.endsWith("*")) {
                    p.add(s.substring(0, s.length() - 1));
                } else {
                    exact.add(s);
                }
            }
            prefixes = p.toArray(new String[0]);
        }

        @Override
        public boolean visibleToScripts(String name) {
            // Rhino's own classes (ConsString, NativeError …) are engine
            // internals, never policy.
            if (name.startsWith("org.mozilla.javascript.") || exact.contains(name)) {
                return true;
            }
            for (String p : prefixes) {
                if (name.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The interrupt AM's observer throws: a java.lang.Error. */
    static final class Interrupt extends Error {
        Interrupt() {
            super("Interrupt.");
        }
    }

    static final class AmContext extends Context {
        long deadline;

        AmContext(ContextFactory f) {
            super(f);
        }
    }

    static final class AmContextFactory extends ContextFactory {
        @Override
        protected boolean hasFeature(Context cx, int feature) {
            if (feature == Context.FEATURE_ENABLE_JAVA_MAP_ACCESS) {
                return true;
            }
            return super.hasFeature(cx, feature);
        }

        @Override
        protected Context makeContext() {
            AmContext cx = new AmContext(this);
            cx.setLanguageVersion(Context.VERSION_DEFAULT);
            cx.setOptimizationLevel(-1);
            cx.setInstructionObserverThreshold(OBSERVER_THRESHOLD);
            cx.setMaximumInterpreterStackDepth(MAX_STACK_DEPTH);
            cx.setClassShutter(new Shutter(ALLOW));
            return cx;
        }

        @Override
        protected void observeInstructionCount(Context cx, int instructionCount) {
            AmContext c = (AmContext) cx;
            if (c.deadline != 0 && System.nanoTime() > c.deadline) {
                throw new Interrupt();
            }
        }
    }

    /** action.goTo(v) records String(v): the probe's answer. */
    static final class GoTo extends BaseFunction {
        String outcome;
        Scriptable action;

        @Override
        public Object call(Context cx, Scriptable scope, Scriptable thisObj, Object[] args) {
            Object v = args.length > 0 ? args[0] : org.mozilla.javascript.Undefined.instance;
            if (v == null || v == org.mozilla.javascript.Undefined.instance) {
                throw ScriptRuntime_typeError("action.goTo: an argument is required");
            }
            outcome = Context.toString(v);
            return action;
        }
    }

    /** require(name): the oracle has no library scripts. */
    static final class Require extends BaseFunction {
        @Override
        public Object call(Context cx, Scriptable scope, Scriptable thisObj, Object[] args) {
            String name = args.length > 0 ? Context.toString(args[0]) : "undefined";
            throw ScriptRuntime_typeError("no library script named " + name);
        }
    }

    static RuntimeException ScriptRuntime_typeError(String msg) {
        return org.mozilla.javascript.ScriptRuntime.typeError(msg);
    }

    public static void main(String[] args) throws IOException {
        long timeoutMs = 5000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-timeout-ms") && i + 1 < args.length) {
                timeoutMs = Long.parseLong(args[++i]);
            }
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        InputStream in = new BufferedInputStream(System.in, 1 << 16);
        AmContextFactory factory = new AmContextFactory();
        out.println("{\"kind\":\"ready\",\"rhino\":" + quote(implementationVersion(factory)) + "}");
        out.flush();
        for (;;) {
            String header = readLine(in);
            if (header == null) {
                break;
            }
            if (header.isEmpty()) {
                continue;
            }
            int sp = header.indexOf(' ');
            int n = Integer.parseInt(sp < 0 ? header : header.substring(0, sp));
            String name = sp < 0 ? "" : header.substring(sp + 1);
            byte[] buf = in.readNBytes(n);
            if (buf.length != n) {
                break;
            }
            String answer;
            try {
                answer = evaluate(factory, name, new String(buf, StandardCharsets.UTF_8), timeoutMs);
            } catch (Throwable t) {
                answer = "{\"name\":" + quote(name) + ",\"kind\":\"internal\",\"message\":" + quote(t.toString()) + "}";
            }
            out.println(answer);
            out.flush();
        }
    }

    static String implementationVersion(ContextFactory factory) {
        Context cx = factory.enterContext();
        try {
            return cx.getImplementationVersion();
        } finally {
            Context.exit();
        }
    }

    static String evaluate(AmContextFactory factory, String name, String source, long timeoutMs) {
        String head = "{\"name\":" + quote(name) + ",";
        AmContext cx = (AmContext) factory.enterContext();
        try {
            Script script;
            try {
                script = cx.compileString(source, name, 1, null);
            } catch (EvaluatorException e) {
                return head + "\"kind\":\"compile-error\",\"message\":" + quote(e.details()) + ",\"line\":"
                        + e.lineNumber() + "}";
            } catch (EcmaError e) {
                // A regular expression literal Rhino's regexp compiler
                // refuses: a SyntaxError raised while compiling the script.
                return head + "\"kind\":\"compile-error\",\"message\":" + quote(e.getErrorMessage())
                        + ",\"line\":" + e.lineNumber() + "}";
            }
            // AM builds a fresh scope for every evaluation: standard objects
            // as its prototype, the bindings in the JSR-223 ENGINE_SCOPE.
            ScriptableObject standard = cx.initStandardObjects();
            javax.script.SimpleScriptContext sc = new javax.script.SimpleScriptContext();
            javax.script.Bindings engine = sc.getBindings(javax.script.ScriptContext.ENGINE_SCOPE);
            GoTo goTo = new GoTo();
            NativeObject action = new NativeObject();
            action.setPrototype(ScriptableObject.getObjectPrototype(standard));
            action.setParentScope(standard);
            goTo.setPrototype(ScriptableObject.getFunctionPrototype(standard));
            goTo.setParentScope(standard);
            goTo.action = action;
            action.put("goTo", action, goTo);
            Require require = new Require();
            require.setPrototype(ScriptableObject.getFunctionPrototype(standard));
            require.setParentScope(standard);
            engine.put("action", action);
            engine.put("require", require);
            engine.put("context", sc);
            ScriptContextScope scope = new ScriptContextScope(sc, standard);

            cx.deadline = System.nanoTime() + timeoutMs * 1_000_000L;
            try {
                script.exec(cx, scope);
            } catch (Interrupt e) {
                return head + "\"kind\":\"timeout\"}";
            } catch (JavaScriptException e) {
                Object v = e.getValue();
                if (v instanceof Scriptable && isError((Scriptable) v)) {
                    Scriptable o = (Scriptable) v;
                    return exception(head, propString(o, "name"), propString(o, "message"));
                }
                return exception(head, "(thrown)", Context.toString(v));
            } catch (EcmaError e) {
                return exception(head, e.getName(), e.getErrorMessage());
            } catch (WrappedException e) {
                Throwable w = e.getWrappedException();
                return exception(head, "JavaException", w.getClass().getName() + ": " + w.getMessage());
            } catch (EvaluatorException e) {
                // Caught in a script this is an InternalError.
                return exception(head, "InternalError", e.details());
            } catch (RhinoException e) {
                return exception(head, e.getClass().getSimpleName(), e.details());
            } catch (StackOverflowError e) {
                // The JVM's own stack (a getter calling itself goes through
                // Java frames): AM's thread would die with it too.
                return exception(head, "java.lang.StackOverflowError", "");
            } finally {
                cx.deadline = 0;
            }
            if (goTo.outcome == null) {
                return head + "\"kind\":\"no-result\"}";
            }
            return head + "\"kind\":\"value\",\"value\":" + quote(goTo.outcome) + "}";
        } finally {
            Context.exit();
        }
    }

    static boolean isError(Scriptable o) {
        for (Scriptable p = o; p != null; p = p.getPrototype()) {
            if ("Error".equals(p.getClassName())) {
                return true;
            }
        }
        return false;
    }

    static String propString(Scriptable o, String key) {
        Object v = ScriptableObject.getProperty(o, key);
        if (v == Scriptable.NOT_FOUND || v == org.mozilla.javascript.Undefined.instance) {
            return "";
        }
        return Context.toString(v);
    }

    static String exception(String head, String type, String message) {
        return head + "\"kind\":\"exception\",\"type\":" + quote(type) + ",\"message\":" + quote(message) + "}";
    }

    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            b.write(c);
        }
        if (c == -1 && b.size() == 0) {
            return null;
        }
        return b.toString(StandardCharsets.UTF_8).trim();
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20 || (c >= 0xd800 && c <= 0xdfff) || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }
}
