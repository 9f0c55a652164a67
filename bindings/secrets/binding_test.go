package secrets_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/secrets"
)

func TestSecretsAreReadFromTheRunsStoreAndListed(t *testing.T) {
	store := secrets.MapStore{"scripted.node.a": "pa55", "scripted.node.b": "\xff\x01", "am.other": "no"}
	r := bindingtest.New(t, secrets.Binding).Begin(bindings.NewBackends(secrets.StoreKey.Value(store)))
	v := r.MustRun(`secrets.getGenericSecret("scripted.node.a").getAsUtf8() + JSON.stringify(secrets.getGenericSecret("scripted.node.b").getAsBytes())`)
	assert.Equal(t, "pa55[-1,1]", v.String())
	_, err := r.RunScript(`secrets.getGenericSecret("am.other")`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "is not accessible to scripts")
	assert.Equal(t, []string{"scripted.node.a", "scripted.node.b"}, secrets.Read.Get(r.End()), "labels, never values")
}

func TestWithoutAStoreEveryLabelIsUnmapped(t *testing.T) {
	r := bindingtest.New(t, secrets.Binding).Begin(bindings.Backends{})
	_, err := r.RunScript(`secrets.getGenericSecret("scripted.node.a")`)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no secret store configured")
	_, set := secrets.Read.Lookup(r.End())
	assert.False(t, set)
}
