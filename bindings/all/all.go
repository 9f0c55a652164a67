// Package all registers every binding journeyjs provides. Import it for its
// side effect wherever scripts run:
//
//	import _ "github.com/journeyjs/journeyjs/bindings/all"
//
// A new binding is one package under bindings/ and one line in the table
// below.
package all

import (
	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/action"
	"github.com/journeyjs/journeyjs/bindings/cachemanager"
	"github.com/journeyjs/journeyjs/bindings/callbacks"
	"github.com/journeyjs/journeyjs/bindings/callbacksbuilder"
	"github.com/journeyjs/journeyjs/bindings/deviceprofiles"
	"github.com/journeyjs/journeyjs/bindings/existingsession"
	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/bindings/idrepository"
	"github.com/journeyjs/journeyjs/bindings/java"
	"github.com/journeyjs/journeyjs/bindings/journeyinfo"
	"github.com/journeyjs/journeyjs/bindings/jwtassertion"
	"github.com/journeyjs/journeyjs/bindings/jwtvalidator"
	"github.com/journeyjs/journeyjs/bindings/locales"
	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/bindings/nodestate"
	"github.com/journeyjs/journeyjs/bindings/oauthapplication"
	"github.com/journeyjs/journeyjs/bindings/openidm"
	"github.com/journeyjs/journeyjs/bindings/policy"
	"github.com/journeyjs/journeyjs/bindings/request"
	"github.com/journeyjs/journeyjs/bindings/samlapplication"
	"github.com/journeyjs/journeyjs/bindings/secrets"
	"github.com/journeyjs/journeyjs/bindings/suspension"
	"github.com/journeyjs/journeyjs/bindings/systemenv"
	"github.com/journeyjs/journeyjs/bindings/tenant"
	"github.com/journeyjs/journeyjs/bindings/utils"
	"github.com/journeyjs/journeyjs/bindings/verify"
)

// Bindings is the table: every binding journeyjs provides. Which of them a
// script sees is up to its context (runtime.Context).
var Bindings = []bindings.Binding{
	action.Binding,
	nodestate.Binding,
	logger.Binding,
	httpclient.Binding,
	openidm.Binding,
	idrepository.Binding,
	secrets.Binding,
	systemenv.Binding,
	java.Binding,
	java.Importer,
	utils.Binding,
	jwtassertion.Binding,
	jwtvalidator.Binding,
	verify.Binding,
	request.Headers,
	request.Parameters,
	request.Cookies,
	existingsession.Binding,
	tenant.Realm,
	tenant.CookieName,
	tenant.ScriptName,
	callbacksbuilder.Binding,
	callbacks.Binding,
	suspension.Binding,
	cachemanager.Binding,
	locales.Binding,
	journeyinfo.Binding,
	policy.Binding,
	deviceprofiles.Binding,
	samlapplication.Binding,
	oauthapplication.Binding,
}

func init() { bindings.Register(Bindings...) }
