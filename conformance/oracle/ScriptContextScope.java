// ScriptContextScope is the top-level scope AM gives a script: it implements
// Scriptable only (not ConstProperties, which is why a top-level const reads
// back undefined), keeps every top-level name in the JSR-223 ENGINE_SCOPE
// bindings (where AM's bindings live too), has no parent, and has a fresh
// initStandardObjects() as its prototype, so changes to Object.prototype and
// friends never outlive one evaluation.
package journeyjs.oracle;

import javax.script.Bindings;
import javax.script.ScriptContext;

import org.mozilla.javascript.ConsString;
import org.mozilla.javascript.Context;
import org.mozilla.javascript.Scriptable;
import org.mozilla.javascript.ScriptableObject;
import org.mozilla.javascript.Undefined;

final class ScriptContextScope implements Scriptable {
    private final ScriptContext context;
    private Scriptable prototype;
    private Scriptable parent;

    ScriptContextScope(ScriptContext context, Scriptable standardObjects) {
        this.context = context;
        this.prototype = standardObjects;
    }

    private Bindings engine() {
        return context.getBindings(ScriptContext.ENGINE_SCOPE);
    }

    @Override
    public String getClassName() {
        return "global";
    }

    @Override
    public Object get(String name, Scriptable start) {
        if (name.isEmpty()) {
            return NOT_FOUND;
        }
        int scope = context.getAttributesScope(name);
        if (scope == -1) {
            return NOT_FOUND;
        }
        Object v = context.getAttribute(name, scope);
        if (v == null || v instanceof Scriptable || v instanceof String || v instanceof Number
                || v instanceof Boolean || v instanceof Undefined) {
            return v;
        }
        return Context.javaToJS(v, this);
    }

    @Override
    public Object get(int index, Scriptable start) {
        return get(String.valueOf(index), start);
    }

    @Override
    public boolean has(String name, Scriptable start) {
        return !name.isEmpty() && context.getAttributesScope(name) != -1;
    }

    @Override
    public boolean has(int index, Scriptable start) {
        return has(String.valueOf(index), start);
    }

    @Override
    public void put(String name, Scriptable start, Object value) {
        if (start != this) {
            start.put(name, start, value);
            return;
        }
        if (value instanceof ConsString) {
            value = value.toString();
        }
        int scope = context.getAttributesScope(name);
        context.setAttribute(name, value, scope == -1 ? ScriptContext.ENGINE_SCOPE : scope);
    }

    @Override
    public void put(int index, Scriptable start, Object value) {
        put(String.valueOf(index), start, value);
    }

    @Override
    public void delete(String name) {
        int scope = context.getAttributesScope(name);
        if (scope != -1) {
            context.removeAttribute(name, scope);
        }
    }

    @Override
    public void delete(int index) {
        delete(String.valueOf(index));
    }

    @Override
    public Scriptable getPrototype() {
        return prototype;
    }

    @Override
    public void setPrototype(Scriptable prototype) {
        this.prototype = prototype;
    }

    @Override
    public Scriptable getParentScope() {
        return parent;
    }

    @Override
    public void setParentScope(Scriptable parent) {
        this.parent = parent;
    }

    @Override
    public Object[] getIds() {
        return engine().keySet().toArray();
    }

    @Override
    public Object getDefaultValue(Class<?> hint) {
        if (hint == null || hint == String.class) {
            return "[object global]";
        }
        return ScriptableObject.getDefaultValue(this, hint);
    }

    @Override
    public boolean hasInstance(Scriptable instance) {
        for (Scriptable p = instance.getPrototype(); p != null; p = p.getPrototype()) {
            if (p == this) {
                return true;
            }
        }
        return false;
    }
}
