package policy_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/policy"
)

var rules = policy.Rules{
	{Application: "webapps", Resources: []string{"https://app.example.com:443/*"}, Actions: map[string]bool{"GET": true, "POST": false},
		Advices: map[string][]string{"AuthLevelConditionAdvice": {"2"}}},
	{Application: "webapps", Resources: []string{"https://app.example.com:443/admin/*"}, Actions: map[string]bool{"GET": false}},
	{Application: "other", Resources: []string{"*"}, Actions: map[string]bool{"GET": true}},
}

func TestEvaluateDecidesEachResource(t *testing.T) {
	r := bindingtest.New(t, policy.Binding).Begin(bindings.NewBackends(policy.EngineKey.Value(policy.Engine(rules))))
	v := r.MustRun(`var res = policy.evaluate({ssoToken: "AQIC5w"}, "webapps",
			["https://app.example.com:443/home", "https://app.example.com:443/admin/users", "https://else.example.com/"],
			{ip: ["10.0.0.1"]});
		[res.size(), res[0].actions["GET"], res.get(0).actions.POST, res[0].advices.AuthLevelConditionAdvice[0],
		 res[1].actions.GET, JSON.stringify(res[2].actions), res[2].resource].join(" ")`)
	assert.Equal(t, "3 true false 2 false {} https://else.example.com/", v.String())
	evals := policy.Evaluations.Get(r.End())
	require.Len(t, evals, 1)
	assert.Equal(t, "webapps", evals[0].Application)
}

func TestBadRequestsAndNoEngine(t *testing.T) {
	r := bindingtest.New(t, policy.Binding).Begin(bindings.NewBackends(policy.EngineKey.Value(policy.Engine(rules))))
	for src, want := range map[string]string{
		`policy.evaluate({}, "webapps", ["x"], {})`:                       "names no one",
		`policy.evaluate("tok", "webapps", ["x"], {})`:                    "the subject must be a map",
		`policy.evaluate({jwt: "e"}, "", ["x"], {})`:                      "application (policy set name) is required",
		`policy.evaluate({jwt: "e"}, "webapps", [], {})`:                  "non-empty list of strings",
		`policy.evaluate({jwt: "e"}, "webapps", ["x"], {ip: "10.0.0.1"})`: `environment "ip" must be a list`,
	} {
		_, err := r.RunScript(src)
		require.Error(t, err, src)
		assert.Contains(t, err.Error(), want, src)
	}
	r2 := bindingtest.New(t, policy.Binding).Begin(bindings.Backends{})
	_, err := r2.RunScript(`policy.evaluate({claims: {sub: "a"}}, "webapps", ["x"], {})`)
	assert.ErrorContains(t, err, "no policy engine is configured")
}
