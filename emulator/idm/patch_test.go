package idm

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/journeyjs/journeyjs/bindings/openidm"
)

func TestPatchOperations(t *testing.T) {
	base := `{"_id":"u1","_rev":"4","mail":"a@example.com","count":2,"ratio":0.5,
		"name":{"given":"Ann"},"tags":["x","y","x"],"roles":[{"_ref":"r/1"}]}`
	tests := []struct {
		name    string
		ops     string
		want    string // JSON of the result, or "" when an error is expected
		errCode int
		errMsg  string
	}{
		{name: "replace", ops: `[{"operation":"replace","field":"/mail","value":"b@example.com"}]`,
			want: `{"mail":"b@example.com"}`},
		{name: "replace without slash", ops: `[{"operation":"replace","field":"mail","value":"c"}]`,
			want: `{"mail":"c"}`},
		{name: "replace null removes", ops: `[{"operation":"replace","field":"/mail","value":null}]`,
			want: `{"mail":null}`},
		{name: "replace creates parents", ops: `[{"operation":"replace","field":"/address/city","value":"Oslo"}]`,
			want: `{"address":{"city":"Oslo"}}`},
		{name: "add field", ops: `[{"operation":"add","field":"/name/family","value":"Lee"}]`,
			want: `{"name":{"given":"Ann","family":"Lee"}}`},
		{name: "add to array appends", ops: `[{"operation":"add","field":"/tags","value":"z"}]`,
			want: `{"tags":["x","y","x","z"]}`},
		{name: "add array appends all", ops: `[{"operation":"add","field":"/tags","value":["p","q"]}]`,
			want: `{"tags":["x","y","x","p","q"]}`},
		{name: "add with /-", ops: `[{"operation":"add","field":"/roles/-","value":{"_ref":"r/2"}}]`,
			want: `{"roles":[{"_ref":"r/1"},{"_ref":"r/2"}]}`},
		{name: "add at index inserts", ops: `[{"operation":"add","field":"/tags/0","value":"first"}]`,
			want: `{"tags":["first","x","y","x"]}`},
		{name: "add /- to a missing array", ops: `[{"operation":"add","field":"/groups/-","value":"g"}]`,
			want: `{"groups":["g"]}`},
		{name: "add inside a string", ops: `[{"operation":"add","field":"/mail/x","value":"g"}]`,
			errCode: 400, errMsg: "cannot reach"},
		{name: "add needs value", ops: `[{"operation":"add","field":"/x"}]`, errCode: 400, errMsg: "needs a value"},
		{name: "remove field", ops: `[{"operation":"remove","field":"/mail"}]`, want: `{"mail":null}`},
		{name: "remove missing is no-op", ops: `[{"operation":"remove","field":"/nope/deeper"}]`, want: `{}`},
		{name: "remove value from array", ops: `[{"operation":"remove","field":"/tags","value":"x"}]`,
			want: `{"tags":["y"]}`},
		{name: "remove values from array", ops: `[{"operation":"remove","field":"/tags","value":["x","y"]}]`,
			want: `{"tags":[]}`},
		{name: "remove array element", ops: `[{"operation":"remove","field":"/tags/1"}]`,
			want: `{"tags":["x","x"]}`},
		{name: "remove value that differs keeps", ops: `[{"operation":"remove","field":"/mail","value":"other"}]`,
			want: `{}`},
		{name: "increment int", ops: `[{"operation":"increment","field":"/count","value":3}]`, want: `{"count":5}`},
		{name: "increment negative", ops: `[{"operation":"increment","field":"/count","value":-2}]`, want: `{"count":0}`},
		{name: "increment float", ops: `[{"operation":"increment","field":"/ratio","value":0.25}]`, want: `{"ratio":0.75}`},
		{name: "increment missing", ops: `[{"operation":"increment","field":"/nope","value":1}]`,
			errCode: 400, errMsg: "does not exist"},
		{name: "increment string", ops: `[{"operation":"increment","field":"/mail","value":1}]`,
			errCode: 400, errMsg: "not a number"},
		{name: "increment by text", ops: `[{"operation":"increment","field":"/count","value":"1"}]`,
			errCode: 400, errMsg: "numeric value"},
		{name: "copy", ops: `[{"operation":"copy","from":"/mail","field":"/backupMail"}]`,
			want: `{"backupMail":"a@example.com","mail":"a@example.com"}`},
		{name: "copy object is deep", ops: `[{"operation":"copy","from":"/name","field":"/alias"},{"operation":"replace","field":"/alias/given","value":"Bo"}]`,
			want: `{"alias":{"given":"Bo"},"name":{"given":"Ann"}}`},
		{name: "move", ops: `[{"operation":"move","from":"/mail","field":"/contact/mail"}]`,
			want: `{"mail":null,"contact":{"mail":"a@example.com"}}`},
		{name: "move missing from", ops: `[{"operation":"move","from":"/nope","field":"/x"}]`,
			errCode: 400, errMsg: "does not exist"},
		{name: "copy needs from", ops: `[{"operation":"copy","field":"/x"}]`, errCode: 400, errMsg: "needs a from"},
		{name: "unknown operation", ops: `[{"operation":"merge","field":"/x","value":1}]`,
			errCode: 400, errMsg: `unknown operation "merge"`},
		{name: "transform", ops: `[{"operation":"transform","field":"/x","value":{}}]`, errCode: 501},
		{name: "_id is fixed", ops: `[{"operation":"replace","field":"/_id","value":"u2"}]`,
			errCode: 400, errMsg: "_id"},
		{name: "index out of range", ops: `[{"operation":"add","field":"/tags/9","value":"q"}]`,
			errCode: 400, errMsg: "outside the array"},
		{name: "- only for add", ops: `[{"operation":"replace","field":"/tags/-","value":"q"}]`,
			errCode: 400, errMsg: "only valid for add"},
		{name: "all or nothing", ops: `[{"operation":"replace","field":"/mail","value":"new"},{"operation":"increment","field":"/mail","value":1}]`,
			errCode: 400, errMsg: "patch operation 1"},
		{name: "in order", ops: `[{"operation":"add","field":"/n","value":1},{"operation":"increment","field":"/n","value":1},{"operation":"copy","from":"/n","field":"/m"}]`,
			want: `{"n":2,"m":2}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			obj := decode(t, base)
			before := mustJSON(t, obj)
			ops, err := openidm.ParsePatch(decodeAny(t, tc.ops))
			if err != nil {
				t.Fatal(err)
			}
			got, err := ApplyPatch(obj, ops)
			if mustJSON(t, obj) != before {
				t.Fatal("ApplyPatch changed its input")
			}
			if tc.errCode != 0 {
				if openidm.Code(err) != tc.errCode || !strings.Contains(err.Error(), tc.errMsg) {
					t.Fatalf("err %v, want %d containing %q", err, tc.errCode, tc.errMsg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			// want lists changed fields; null means the field is gone.
			want := decode(t, base)
			for k, v := range decode(t, tc.want) {
				if v == nil {
					delete(want, k)
				} else {
					want[k] = v
				}
			}
			if mustJSON(t, got) != mustJSON(t, want) {
				t.Fatalf("got  %s\nwant %s", mustJSON(t, got), mustJSON(t, want))
			}
		})
	}
}

func decodeAny(t *testing.T, s string) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	return normalizeJSON(v)
}

func decode(t *testing.T, s string) map[string]any {
	t.Helper()
	return decodeAny(t, s).(map[string]any)
}

func normalizeJSON(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = normalizeJSON(e)
		}
	case []any:
		for i, e := range x {
			x[i] = normalizeJSON(e)
		}
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return n
		}
		f, _ := x.Float64()
		return f
	}
	return v
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
