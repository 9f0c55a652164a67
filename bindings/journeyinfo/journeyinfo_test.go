package journeyinfo_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/journeyinfo"
)

const describe = `[journey.name(), journey.identityResource(), journey.innerJourney(), journey.mustRun()].join(" ")`

func TestTheRunsJourney(t *testing.T) {
	info := &journeyinfo.Info{Name: "Login", IdentityResource: "managed/bravo_user", InnerJourney: true, MustRun: true}
	r := bindingtest.New(t, journeyinfo.Binding).Begin(bindings.NewBackends(journeyinfo.InfoKey.Value(info)))
	assert.Equal(t, "Login managed/bravo_user true true", r.MustRun(describe).String())
	r.End()

	// Without one: the default name and the realm's users.
	r.BeginWith(bindings.Backends{}, func(run *bindings.Run) { run.Realm = "/alpha" })
	assert.Equal(t, "journeyjs managed/alpha_user false false", r.MustRun(describe).String())
}

func TestUserCollection(t *testing.T) {
	assert.Equal(t, "managed/user", journeyinfo.UserCollection("/"))
	assert.Equal(t, "managed/alpha_user", journeyinfo.UserCollection("/alpha"))
	assert.Equal(t, "managed/alpha_sub_user", journeyinfo.UserCollection("/alpha/sub"))
}
