package pingone

import (
	"context"
	"testing"

	"github.com/journeyjs/journeyjs/emulator/pingone/model"
)

func TestStoreFind(t *testing.T) { forEachStore(t, testStoreFind) }

func testStoreFind(t *testing.T, kind storeKind) {
	h := newHarness(t, kind)
	ctx := context.Background()
	got, err := h.store.Find(ctx, "+33.600000001")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != model.KindUser+"/"+h.user("alice") {
		t.Fatalf("Find(alice's phone) = %v", got)
	}
	if got, _ := h.store.Find(ctx, "no such text anywhere"); len(got) != 0 {
		t.Fatalf("Find(absent) = %v", got)
	}
	if _, err := h.store.Find(ctx, ""); err == nil {
		t.Fatal("empty text accepted")
	}
}
