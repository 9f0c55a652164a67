package goja

// Tests of Rhino mode (SetRhinoCompat) in the built-ins journeyjs_rhino_*.go
// change: each case runs the same script on a runtime in Rhino mode and on
// one in upstream mode and checks both answers, so that a change can
// neither leak into upstream mode nor stop working in Rhino mode. The Rhino
// answers are what Rhino 1.7.14 (AIC's engine) printed for the same script
// through journeyjs's conformance oracle. TZ does not matter: every case
// prints UTC or passes through Date.UTC.

import (
	"testing"
	"time"
)

type journeyjsRhinoCase struct {
	name, script string
	rhino        string // the answer in Rhino mode: a value's String(), or "throws " + the error's String()
	upstream     string // the answer in upstream mode
}

func journeyjsRhinoRun(t *testing.T, rhino bool, script string) string {
	t.Helper()
	r := New()
	r.SetRhinoCompat(rhino)
	r.SetTimeSource(func() time.Time { return time.Unix(0, 0) })
	v, err := r.RunString(script)
	if err != nil {
		if ex, ok := err.(*Exception); ok {
			return "throws " + ex.Value().String()
		}
		return "error " + err.Error()
	}
	return v.String()
}

func journeyjsRhinoCheck(t *testing.T, cases []journeyjsRhinoCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := journeyjsRhinoRun(t, true, c.script); got != c.rhino {
				t.Errorf("Rhino mode:\n got  %q\n want %q", got, c.rhino)
			}
			if got := journeyjsRhinoRun(t, false, c.script); got != c.upstream {
				t.Errorf("upstream mode:\n got  %q\n want %q", got, c.upstream)
			}
		})
	}
}

func TestJourneyjsRhinoKeyOrder(t *testing.T) {
	journeyjsRhinoCheck(t, []journeyjsRhinoCase{
		{"Object.keys", `Object.keys({b: 1, 2: 1, a: 1, 1: 1}).join()`, "b,2,a,1", "1,2,b,a"},
		{"assignments", `var o = {}; o.z = 1; o[5] = 1; o.y = 1; o[0] = 1; o["01"] = 1; Object.keys(o).join()`,
			"z,5,y,0,01", "0,5,z,y,01"},
		{"for-in with prototype", `function P() { this.b = 1; this[2] = 1; } P.prototype.a = 1; P.prototype[1] = 1;
			var ks = []; for (var k in new P()) ks.push(k); ks.join()`, "b,2,a,1", "2,b,1,a"},
		{"JSON.stringify", `JSON.stringify({b: 1, 2: 1, a: 1, 1: 1})`, `{"b":1,"2":1,"a":1,"1":1}`, `{"1":1,"2":1,"b":1,"a":1}`},
		{"JSON.parse keeps document order", `Object.keys(JSON.parse('{"b":1,"2":2,"a":3,"1":4}')).join()`, "b,2,a,1", "1,2,b,a"},
		{"delete then add", `var o = {a: 1, 1: 1, b: 1}; delete o[1]; o[1] = 2; delete o.a; o.a = 3; Object.keys(o).join()`,
			"b,1,a", "1,b,a"},
		{"getOwnPropertyNames", `Object.getOwnPropertyNames({b: 1, 2: 1, a: 1}).join()`, "b,2,a", "2,b,a"},
		{"arrays list elements first", `var a = [1, 2]; a.x = 1; a[2] = 3; Object.keys(a).join()`, "0,1,2,x", "0,1,2,x"},
		// An index key on a prototype must still be found after deletes shift
		// the unsorted names (idxPropCount stays a true count).
		{"prototype index setter after deletes", `var p = {a: 1, b: 2}; var seen = 0;
			Object.defineProperty(p, "3", {set: function (v) { seen = v; }}); Object.keys(p);
			delete p.a; delete p.b; var o = []; Object.setPrototypeOf(o, p); o[3] = 7; seen + "," + o.hasOwnProperty(3)`, "7,false", "7,false"},
		{"Array.prototype length shrink", `Array.prototype.x = 1; Array.prototype[5] = 1; Array.prototype[2] = 1;
			Array.prototype.length = 3; [Array.prototype.length, 5 in Array.prototype, 2 in Array.prototype, "x" in Array.prototype].join()`,
			"3,false,true,true", "3,false,true,true"},
	})
}

func TestJourneyjsRhinoStringHasNoIndexKeys(t *testing.T) {
	journeyjsRhinoCheck(t, []journeyjsRhinoCase{
		{"for-in over a primitive", `var ks = []; for (var k in "ab") ks.push(k); ks.join()`, "", "0,1"},
		{"for-in over an object", `var s = new String("ab"); s.x = 1; var ks = []; for (var k in s) ks.push(k); ks.join()`, "x", "0,1,x"},
		{"Object.keys", `Object.keys(new String("ab")).length`, "0", "2"},
		{"Object.assign", `JSON.stringify(Object.assign({}, "ab"))`, "{}", `{"0":"a","1":"b"}`},
		{"characters still readable", `var s = new String("ab"); s[1] + ("0" in s)`, "btrue", "btrue"},
	})
}
