package pingone

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"
)

// scribble changes every value reachable from v in place: strings, numbers
// and booleans it can set, every element of slices and maps, and what
// pointers and interfaces point at.
func scribble(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			if e := v.Elem(); e.Kind() == reflect.Map || e.Kind() == reflect.Slice || v.Kind() == reflect.Pointer {
				scribble(e)
			} else if v.CanSet() {
				v.Set(reflect.ValueOf("scribbled"))
			}
		}
	case reflect.Map:
		if v.IsNil() {
			return
		}
		for _, k := range v.MapKeys() {
			e := v.MapIndex(k)
			if e.Kind() == reflect.Interface && !e.IsNil() && (e.Elem().Kind() == reflect.Map || e.Elem().Kind() == reflect.Slice) {
				scribble(e.Elem())
				continue
			}
			if e.Kind() == reflect.Pointer || e.Kind() == reflect.Map || e.Kind() == reflect.Slice {
				scribble(e)
				continue
			}
			c := reflect.New(e.Type()).Elem()
			c.Set(e)
			scribble(c)
			v.SetMapIndex(k, c)
		}
		v.SetMapIndex(reflect.ValueOf("scribbled").Convert(v.Type().Key()), reflect.Zero(v.Type().Elem()))
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			scribble(v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				scribble(v.Field(i))
			}
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString(v.String() + "scribbled")
		}
	case reflect.Int, reflect.Int64:
		if v.CanSet() {
			v.SetInt(v.Int() + 1)
		}
	case reflect.Float64:
		if v.CanSet() {
			v.SetFloat(v.Float() + 1)
		}
	case reflect.Bool:
		if v.CanSet() {
			v.SetBool(!v.Bool())
		}
	}
}

func TestCloneValueSharesNothing(t *testing.T) {
	src := `{"_links":{"self":{"href":"x"}},"_embedded":{"population":{"id":"p","list":[1,{"a":"b"}]}},
		"id":"u","environment":{"id":"e"},"population":{"id":"p"},"createdAt":"2030-01-01T00:00:00.000Z",
		"username":"alice","name":{"given":"A"},"address":{"locality":"Lyon"},"memberOfGroupIDs":["g1","g2"],
		"lifecycle":{"status":"ACCOUNT_OK"},"enabled":true}`
	var orig, pristine User
	if err := json.Unmarshal([]byte(src), &orig); err != nil {
		t.Fatal(err)
	}
	_ = json.Unmarshal([]byte(src), &pristine)
	c := cloneValue(reflect.ValueOf(&orig)).Interface().(*User)
	if !reflect.DeepEqual(c, &orig) {
		t.Fatalf("clone differs:\n%+v\n%+v", c, &orig)
	}
	scribble(reflect.ValueOf(c))
	if reflect.DeepEqual(c, &pristine) {
		t.Fatal("scribble changed nothing: the test would prove nothing")
	}
	if !reflect.DeepEqual(&orig, &pristine) {
		t.Fatalf("changing the clone changed the original:\n%+v", orig)
	}
}

func TestCloneableRefusesWhatItCannotCopy(t *testing.T) {
	type hidden struct {
		Name string
		refs map[string]string
	}
	_ = hidden{refs: nil}.refs // only its type matters
	type withFunc struct{ F func() }
	for _, c := range []struct {
		v    any
		want bool
	}{
		{&User{}, true}, {&credentialRecord{}, true}, {&CredentialType{}, true}, {&ProvisionedCredential{}, true},
		{&VerifyTransaction{}, true}, {&map[string]any{}, true}, {&json.RawMessage{}, true},
		{&hidden{}, false}, {&withFunc{}, false}, {new(chan int), false},
	} {
		eq(t, cloneable(reflect.TypeOf(c.v)), c.want, reflect.TypeOf(c.v).String())
	}
}

// readIsolated reads every document of a kind as T twice; scribbling on
// the first read must not show in the second, which must be the stored
// document decoded afresh.
func readIsolated[T any](t *testing.T, tx *dbtx, kind, envID string) int {
	t.Helper()
	first, err := listObj[T](tx, kind, envID, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range first {
		scribble(reflect.ValueOf(v))
	}
	again, err := listObj[T](tx, kind, envID, "")
	if err != nil {
		t.Fatal(err)
	}
	wants, ids := storedAs[T](t, tx, kind, envID)
	if len(again) != len(wants) {
		t.Fatalf("%s: %d documents, %d raw", kind, len(again), len(wants))
	}
	for i, want := range wants {
		if !reflect.DeepEqual(again[i], want) {
			t.Fatalf("%s read after a caller changed an earlier read:\n%+v\nwant %+v", kind, again[i], want)
		}
		if got, err := getObj[T](tx, kind, envID, ids[i]); err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("%s get: %+v, %v\nwant %+v", kind, got, err, want)
		}
	}
	return len(wants)
}

// storedAs decodes each document of a kind afresh from its stored JSON,
// and gives its id.
func storedAs[T any](t *testing.T, tx storeTx, kind, envID string) (wants []*T, ids []string) {
	t.Helper()
	raw, err := rawDocs(tx, kind, envID, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range raw {
		want := new(T)
		if err := json.Unmarshal([]byte(doc), want); err != nil {
			t.Fatal(err)
		}
		wants, ids = append(wants, want), append(ids, docID(t, doc))
	}
	return wants, ids
}

func docID(t *testing.T, doc string) string {
	var d struct {
		ID         string `json:"id"`
		Credential struct {
			ID string `json:"id"`
		} `json:"credential"`
	}
	if err := json.Unmarshal([]byte(doc), &d); err != nil {
		t.Fatal(err)
	}
	if d.ID == "" {
		return d.Credential.ID // a credentialRecord
	}
	return d.ID
}

// TestReadsShareNothingWithTheStore: whatever a caller does to what it
// read, including what it reaches through pointers, maps and slices,
// later reads are the stored documents.
func TestReadsShareNothingWithTheStore(t *testing.T) {
	forEachStore(t, testReadsShareNothingWithTheStore)
}

func testReadsShareNothingWithTheStore(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	body := h.membership(map[string]any{"Member Name": "A"})
	body["notification"] = map[string]any{"methods": []string{"EMAIL"}}
	h.must(201, h.call("POST", "users/"+h.user("alice")+"/credentials", body))
	read := 0
	err := h.p.inTx(context.Background(), func(tx *dbtx) error {
		read += readIsolated[User](t, tx, kindUser, h.env)
		read += readIsolated[CredentialType](t, tx, kindCredentialType, h.env)
		read += readIsolated[credentialRecord](t, tx, kindUserCredential, h.env)
		read += readIsolated[ProvisionedCredential](t, tx, kindProvisionedCredential, h.env)
		read += readIsolated[DigitalWallet](t, tx, kindWallet, h.env)
		read += readIsolated[IssuanceRule](t, tx, kindIssuanceRule, h.env)
		read += readIsolated[VerifyTransaction](t, tx, kindVerifyTransaction, h.env)
		read += readIsolated[map[string]any](t, tx, kindUser, h.env)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if read < 10 {
		t.Fatalf("only %d documents read", read)
	}
}

// BenchmarkReadDocument compares the two ways a memory store can answer a
// read: decoding the stored JSON, or copying what it decoded before.
func BenchmarkReadDocument(b *testing.B) {
	h := newHarness(b, memoryStore)
	var docs []string
	err := h.p.inTx(context.Background(), func(tx *dbtx) error {
		var err error
		docs, err = rawDocs(tx, kindCredentialType, h.env, "")
		return err
	})
	if err != nil || len(docs) == 0 {
		b.Fatal(docs, err)
	}
	var ct CredentialType
	if err := json.Unmarshal([]byte(docs[0]), &ct); err != nil {
		b.Fatal(err)
	}
	b.Run("decode", func(b *testing.B) {
		for b.Loop() {
			if err := json.Unmarshal([]byte(docs[0]), new(CredentialType)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("clone", func(b *testing.B) {
		for b.Loop() {
			_ = cloneValue(reflect.ValueOf(&ct)).Interface().(*CredentialType)
		}
	})
}

func TestCloneValueRecursiveTypes(t *testing.T) {
	type node struct {
		Name string
		Next *node
		Kids []node
		Tags map[string][]string
	}
	orig := &node{Name: "a", Next: &node{Name: "b", Kids: []node{{Name: "c", Tags: map[string][]string{"k": {"v"}}}}}}
	pristine := &node{Name: "a", Next: &node{Name: "b", Kids: []node{{Name: "c", Tags: map[string][]string{"k": {"v"}}}}}}
	c := cloneValue(reflect.ValueOf(orig)).Interface().(*node)
	if !reflect.DeepEqual(c, orig) || !cloneable(reflect.TypeOf(orig)) {
		t.Fatalf("clone %+v differs or is refused", c)
	}
	scribble(reflect.ValueOf(c))
	if reflect.DeepEqual(c, pristine) {
		t.Fatal("scribble changed nothing: the test would prove nothing")
	}
	if !reflect.DeepEqual(orig, pristine) {
		t.Fatalf("changing the clone changed the original: %+v", orig.Next)
	}
}
