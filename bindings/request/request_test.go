package request_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/request"
)

func begin(t *testing.T, req bindings.Request) *bindingtest.Runtime {
	r := bindingtest.New(t, request.Headers, request.Parameters, request.Cookies)
	return r.BeginWith(bindings.Backends{}, func(run *bindings.Run) { run.Request = req })
}

func TestHeadersAreCaseInsensitiveJavaLists(t *testing.T) {
	r := begin(t, bindings.Request{Headers: map[string][]string{"User-Agent": {"curl/8", "x"}}})
	v := r.MustRun(`var h = requestHeaders.get("USER-AGENT");
		[h.get(0), h.size(), requestHeaders["user-agent"][1], requestHeaders.get("origin")].join()`)
	assert.Equal(t, "curl/8,2,x,", v.String(), "an absent header is null")
}

func TestParametersKeepTheirCase(t *testing.T) {
	r := begin(t, bindings.Request{Parameters: map[string][]string{"goTo": {"https://example.com"}}})
	v := r.MustRun(`[requestParameters.get("goTo").get(0), requestParameters.get("goto")].join()`)
	assert.Equal(t, "https://example.com,", v.String())
}

func TestCookiesAreAJavaMap(t *testing.T) {
	r := begin(t, bindings.Request{Cookies: map[string]string{"iPlanetDirectoryPro": "tok"}})
	v := r.MustRun(`[requestCookies["iPlanetDirectoryPro"], requestCookies.get("iPlanetDirectoryPro"), requestCookies.containsKey("x")].join()`)
	assert.Equal(t, "tok,tok,false", v.String())
}

func TestEachRunHasItsOwnRequest(t *testing.T) {
	r := begin(t, bindings.Request{Headers: map[string][]string{"X-Run": {"1"}}})
	assert.Equal(t, "1", r.MustRun(`requestHeaders.get("x-run").get(0)`).String())
	r.End()
	r.BeginWith(bindings.Backends{}, func(run *bindings.Run) {
		run.Request = bindings.Request{Headers: map[string][]string{"X-Run": {"2"}}}
	})
	assert.Equal(t, "2", r.MustRun(`requestHeaders.get("x-run").get(0)`).String())
}

// AM hands scripts modifiable copies of the headers and parameters (spec
// §2.1): put and remove change them for the rest of the run, names folded
// as on reading; the values' lists stay read-only Java lists.
func TestTheMapsAreModifiableCopies(t *testing.T) {
	r := begin(t, bindings.Request{Headers: map[string][]string{"A": {"1"}}, Parameters: map[string][]string{"p": {"x"}}})
	v := r.MustRun(`var old = requestHeaders.put("X-New", ["2"]);
		var gone = requestParameters.remove("p");
		var keys = []; for (var k in requestHeaders) { keys.push(k); }
		var listFrozen = false; (function () { "use strict"; try { requestHeaders.get("a").add("z"); } catch (e) { listFrozen = true; } })();
		[old, requestHeaders.get("x-new")[0], requestHeaders.containsKey("X-NEW"), gone.get(0), requestParameters.get("p"),
			keys.sort().join("+"), listFrozen].join("|")`)
	assert.Equal(t, "|2|true|x||a+x-new|true", v.String())

	r.End()
	r.BeginWith(bindings.Backends{}, func(run *bindings.Run) {
		run.Request = bindings.Request{Headers: map[string][]string{"A": {"1"}}}
	})
	assert.Equal(t, "null", r.MustRun(`String(requestHeaders.get("x-new"))`).String(), "the next run starts from the request")
}
