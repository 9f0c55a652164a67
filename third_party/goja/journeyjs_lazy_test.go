package goja

import "testing"

// TestJourneyjsDeleteBuiltinsSharesNothingMutable: deleting built-ins through
// a derived template leaves other runtimes (with or without the deletion)
// untouched, lists the names nowhere, and lets a script define them again
// on its own runtime only.
func TestJourneyjsDeleteBuiltinsSharesNothingMutable(t *testing.T) {
	names := []string{"Map", "Set"}
	r1, r2, r3 := New(), New(), New()
	r1.GlobalObject().DeleteBuiltins(names)
	r3.GlobalObject().DeleteBuiltins(names)
	check := func(r *Runtime, src, want string) {
		t.Helper()
		v, err := r.RunString(src)
		if err != nil {
			t.Fatal(err)
		}
		if v.String() != want {
			t.Fatalf("%s: got %s, want %s", src, v, want)
		}
	}
	const probe = `[typeof Map, typeof Set, Object.getOwnPropertyNames(this).indexOf("Map") >= 0, typeof Array].join()`
	check(r1, probe, "undefined,undefined,false,function")
	check(r2, probe, "function,function,true,function")
	check(r3, `var Map = 1; `+probe, "number,undefined,true,function")
	check(r1, probe, "undefined,undefined,false,function")
}

// TestJourneyjsFrozenLazyObject: the object is frozen, its methods built on
// first read, and reflection sees every one.
func TestJourneyjsFrozenLazyObject(t *testing.T) {
	r := New()
	built := 0
	obj := r.NewFrozenLazyObject([]string{"a", "b"}, func(name string) Value {
		built++
		return r.ToValue(name + "!")
	})
	r.Set("o", obj)
	v, err := r.RunString(`"use strict"; var out = [o.a]; try { o.a = 1; } catch (e) { out.push(e.name); }
		try { o.c = 1; } catch (e) { out.push(e.name); } out.push(Object.isFrozen(o), Object.getOwnPropertyNames(o).join("+"), o.b); out.join()`)
	if err != nil {
		t.Fatal(err)
	}
	if want := "a!,TypeError,TypeError,true,a+b,b!"; v.String() != want {
		t.Fatalf("got %s, want %s", v, want)
	}
	if built != 2 {
		t.Fatalf("built %d properties, want 2 (each once)", built)
	}
}
