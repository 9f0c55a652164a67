package secrets

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestStores(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "scripted.node.file"), []byte("from-file"), 0o600))
	env := EnvStore{Prefix: "JJS_", LookupEnv: func(k string) (string, bool) {
		if k == "JJS_SCRIPTED_NODE_API_KEY" {
			return "from-env", true
		}
		return "", false
	}}
	s := Chain{MapStore{"scripted.node.mem": "from-map"}, env, DirStore{Dir: dir}}
	for label, want := range map[string]string{"scripted.node.mem": "from-map", "scripted.node.api-key": "from-env", "scripted.node.file": "from-file"} {
		got, err := s.GenericSecret(ctx, label)
		require.NoError(t, err, label)
		assert.Equal(t, want, string(got))
	}
	_, err := s.GenericSecret(ctx, "scripted.node.none")
	assert.ErrorIs(t, err, ErrNotFound)
	_, err = DirStore{Dir: dir}.GenericSecret(ctx, "../etc/passwd")
	assert.ErrorIs(t, err, ErrNotFound, "a label is never a path")
	assert.Equal(t, "JJS_SCRIPTED_NODE_API_KEY", env.VarName("scripted.node.api-key"))
}
