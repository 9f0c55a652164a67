package tenant_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/tenant"
)

func TestValuesAreTheRunsOwn(t *testing.T) {
	r := bindingtest.New(t, tenant.Realm, tenant.CookieName, tenant.ScriptName)
	r.BeginWith(bindings.Backends{}, func(run *bindings.Run) { run.Realm, run.CookieName = "/alpha", "8a92ca506c38f08" })
	assert.Equal(t, "/alpha|8a92ca506c38f08|test.js|string", r.MustRun(`[realm, cookieName, scriptName, typeof realm].join("|")`).String())
	r.End()
	r.BeginWith(bindings.Backends{}, func(run *bindings.Run) { run.Realm = "/bravo" })
	assert.Equal(t, "/bravo|", r.MustRun(`[realm, cookieName].join("|")`).String())
}
