package httpclient

import (
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/journeyjs/journeyjs/bindings/jsvalue"
)

// Call records one request a run made, for reports. Credentials never appear:
// the Authorization and Proxy-Authorization values keep only their scheme.
type Call struct {
	// Method is the request method, in upper case.
	Method string `json:"method"`
	// URL is the request URL as sent.
	URL string `json:"url"`
	// ClientName is the named client the request used, if any.
	ClientName string `json:"clientName,omitempty"`
	// RequestHeaders are the request headers, several values of one joined
	// with ", " and credentials masked (see MaskCredential).
	RequestHeaders map[string]string `json:"requestHeaders"`
	// RequestBody is the body as text, cut at MaxRecordedBody bytes.
	RequestBody string `json:"requestBody,omitempty"`
	// Status is the response status, 0 when there was no response.
	Status int `json:"status"`
	// DurationMs is the time from the send call to the result (or to the
	// end of the run, when there was none), in milliseconds.
	DurationMs float64 `json:"durationMs"`
	// Error is the request's error; empty when the request succeeded.
	Error string `json:"error,omitempty"`
	// IgnoredOptions lists request option keys the script passed that are
	// not options (a typo such as "methd"): AIC ignores them, and so do we,
	// but the record shows them.
	IgnoredOptions []string `json:"ignoredOptions,omitempty"`
}

// MaxRecordedBody is how much of a request body a Call keeps.
const MaxRecordedBody = 4 << 10

func recordHeaders(h http.Header) map[string]string {
	out := make(map[string]string, len(h))
	for k, vs := range h {
		v := strings.Join(vs, ", ")
		switch http.CanonicalHeaderKey(k) {
		case "Authorization", "Proxy-Authorization":
			v = MaskCredential(v)
		}
		out[k] = v
	}
	return out
}

// MaskCredential keeps the scheme of an Authorization value and hides the
// rest: "Bearer abc" becomes "Bearer ****".
func MaskCredential(v string) string {
	scheme, _, found := strings.Cut(strings.TrimSpace(v), " ")
	if !found || scheme == "" {
		return "****"
	}
	return scheme + " ****"
}

func recordBody(b []byte) string {
	if len(b) <= MaxRecordedBody {
		return jsvalue.Text(b)
	}
	cut := MaxRecordedBody
	for cut > 0 && !utf8.RuneStart(b[cut]) {
		cut--
	}
	return jsvalue.Text(b[:cut]) + "…(truncated)"
}

func millis(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// Summary is the one-line form of a call for pretty output.
func (c Call) Summary() string {
	var b strings.Builder
	b.WriteString(c.Method + " " + c.URL)
	if c.ClientName != "" {
		b.WriteString(" [" + c.ClientName + "]")
	}
	b.WriteString(" → ")
	if c.Status > 0 {
		b.WriteString(strconv.Itoa(c.Status))
	} else {
		b.WriteString("no response")
	}
	b.WriteString(" (" + strconv.FormatFloat(c.DurationMs, 'f', -1, 64) + " ms)")
	if c.Error != "" {
		msg, _, _ := strings.Cut(c.Error, "\n")
		b.WriteString(": " + msg)
	}
	return b.String()
}
