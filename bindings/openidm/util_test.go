package openidm_test

import (
	"encoding/json"
	"errors"
)

func errorsAs(err error, target any) bool { return err != nil && errors.As(err, target) }

func jsonOf(t interface {
	Helper()
	Fatal(...any)
}, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
