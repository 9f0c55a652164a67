package pingone

import (
	"context"
	"reflect"
	"testing"
)

// TestViewsAreTheStoredDocuments: viewObj and viewObjs read what getObj and
// listObj read; a memory store lends one value to every reader (no copy),
// which copies handed out before or after never reach, and which a new
// version of the document replaces.
func TestViewsAreTheStoredDocuments(t *testing.T) {
	forEachStore(t, testViewsAreTheStoredDocuments)
}

func testViewsAreTheStoredDocuments(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	h.must(201, h.call("POST", "users/"+h.user("alice")+"/credentials", h.membership(map[string]any{"Member Name": "A"})))
	read := 0
	err := h.p.inTx(context.Background(), func(tx *dbtx) error {
		read += viewsMatch[User](t, tx, kind, kindUser, h.env)
		read += viewsMatch[map[string]any](t, tx, kind, kindUser, h.env)
		read += viewsMatch[CredentialType](t, tx, kind, kindCredentialType, h.env)
		read += viewsMatch[DigitalWallet](t, tx, kind, kindWallet, h.env)
		read += viewsMatch[credentialRecord](t, tx, kind, kindUserCredential, h.env)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if read < 5 {
		t.Fatalf("only %d documents read", read)
	}

	// A replaced document is viewed anew.
	err = h.p.inTx(context.Background(), func(tx *dbtx) error {
		id := h.user("alice")
		before, err := viewObj[User](tx, kindUser, h.env, id)
		if err != nil {
			return err
		}
		changed := *before
		changed.Nickname = "changed"
		if err := tx.put(kindUser, h.env, "", id, &changed); err != nil {
			return err
		}
		after, err := viewObj[User](tx, kindUser, h.env, id)
		if err != nil {
			return err
		}
		eq(t, after.Nickname, "changed", "nickname after put")
		eq(t, before.Nickname == "changed", false, "the earlier view changed")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// viewsMatch checks the views of every document of a kind as T against
// the stored JSON, around copies that are scribbled on.
func viewsMatch[T any](t *testing.T, tx *dbtx, kind storeKind, docKind, envID string) int {
	t.Helper()
	copies, err := listObj[T](tx, docKind, envID, "")
	if err != nil {
		t.Fatal(err)
	}
	views, err := viewObjs[T](tx, docKind, envID, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range copies {
		scribble(reflect.ValueOf(c))
	}
	wants, ids := storedAs[T](t, tx, docKind, envID)
	if len(views) != len(wants) {
		t.Fatalf("%s: %d views, %d documents", docKind, len(views), len(wants))
	}
	for i, want := range wants {
		if !reflect.DeepEqual(views[i], want) {
			t.Fatalf("%s view:\n%+v\nwant %+v", docKind, views[i], want)
		}
		id := ids[i]
		one, err := viewObj[T](tx, docKind, envID, id)
		if err != nil || !reflect.DeepEqual(one, want) {
			t.Fatalf("%s viewObj: %+v, %v\nwant %+v", docKind, one, err, want)
		}
		got, err := getObj[T](tx, docKind, envID, id)
		if err != nil {
			t.Fatal(err)
		}
		scribble(reflect.ValueOf(got))
		if !reflect.DeepEqual(one, want) {
			t.Fatalf("%s: scribbling on a copy changed a view", docKind)
		}
		eq(t, one == views[i], kind == memoryStore, docKind+": views shared")
		eq(t, got == one, false, docKind+": getObj returned the view")
	}
	if _, err := viewObj[T](tx, docKind, envID, "no-such-id"); err != errNoObject {
		t.Fatalf("%s: viewObj of a missing document: %v", docKind, err)
	}
	return len(wants)
}
