package harness

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/action"
	"github.com/journeyjs/journeyjs/bindings/httpclient"
	"github.com/journeyjs/journeyjs/bindings/logger"
	"github.com/journeyjs/journeyjs/bindings/openidm"
	"github.com/journeyjs/journeyjs/emulator/pingone"
	"github.com/journeyjs/journeyjs/fixtures"
	"github.com/journeyjs/journeyjs/runtime"
)

// Expect is the `expect:` section of a test case: what the run must have
// produced. Unset fields are not checked.
type Expect struct {
	// Outcome is the outcome passed to action.goTo.
	Outcome *string `yaml:"outcome" json:"outcome,omitempty"`
	// Value is a subset of the run's result value, for a context whose
	// result is not an outcome (a Configuration Provider's config):
	// nested maps match as subsets, lists and scalars exactly.
	Value map[string]any `yaml:"value" json:"value,omitempty"`
	// SharedState and TransientState are subsets of the node state after
	// the run: nested maps match as subsets, lists and scalars exactly.
	SharedState    map[string]any `yaml:"sharedState" json:"sharedState,omitempty"`
	TransientState map[string]any `yaml:"transientState" json:"transientState,omitempty"`
	// Absent are keys that must be in neither state after the run (what
	// nodeState.isDefined would say false for).
	Absent []string `yaml:"absent" json:"absent,omitempty"`

	// Headers are the page headers, exactly and in order.
	Headers        *[]string `yaml:"headers" json:"headers,omitempty"`
	Description    *string   `yaml:"description" json:"description,omitempty"`
	ErrorMessage   *string   `yaml:"errorMessage" json:"errorMessage,omitempty"`
	LockoutMessage *string   `yaml:"lockoutMessage" json:"lockoutMessage,omitempty"`
	IdentifiedUser *string   `yaml:"identifiedUser" json:"identifiedUser,omitempty"`
	Stage          *string   `yaml:"stage" json:"stage,omitempty"`

	// Logs each must match at least one log line, in any order.
	Logs []LogExpect `yaml:"logs" json:"logs,omitempty"`
	// NoLogsAbove is a level no line may exceed: "info" forbids WARN and
	// ERROR lines.
	NoLogsAbove string `yaml:"noLogsAbove" json:"noLogsAbove,omitempty"`

	// HTTPCalls checks the requests the script sent with httpClient.
	HTTPCalls *HTTPCallsExpect `yaml:"httpCalls" json:"httpCalls,omitempty"`
	// IDM queries the run's IDM back end after the run.
	IDM []IDMExpect `yaml:"idm" json:"idm,omitempty"`
	// IDMChanges and Emails check the run's idmChanges and emails lists.
	IDMChanges *ListExpect `yaml:"idmChanges" json:"idmChanges,omitempty"`
	Emails     *ListExpect `yaml:"emails" json:"emails,omitempty"`
	// PingOne reads the local PingOne platform after the run.
	PingOne *PingOneExpect `yaml:"pingone" json:"pingone,omitempty"`
	// PingOneChanges checks what the run changed in the local PingOne
	// (items: kind, id, action; for example {kind: userCredential, action:
	// created}).
	PingOneChanges *ListExpect `yaml:"pingoneChanges" json:"pingoneChanges,omitempty"`

	// Error, when set, says the run must fail this way. Without it, a run
	// that fails is a failed case.
	Error *ErrorExpect `yaml:"error" json:"error,omitempty"`

	// Callbacks are the callbacks the pass sends, exactly as many and in
	// order, each matched on what it sets (see CallbackExpect). An empty
	// list says the pass sends none.
	Callbacks *[]CallbackExpect `yaml:"callbacks" json:"callbacks,omitempty"`
	// Passes, in a case with replies, are expectations for each pass in
	// turn (the first pass, then the pass answering replies[0] …), each
	// with the keys of expect but passes. The other keys of expect are
	// checked against the last pass.
	Passes []*Expect `yaml:"passes" json:"passes,omitempty"`

	// Outputs are the other keys: each names an output of a binding (its
	// key in the run's JSON, e.g. secretsRead or removedSessionProperties)
	// and must match it as sharedState does, subset for maps, exactly for
	// lists and scalars. A binding's new output is testable with no change
	// here.
	Outputs map[string]any `yaml:",inline" json:"-"`
}

// LogExpect is one expected log line.
type LogExpect struct {
	// Level is TRACE, DEBUG, INFO, WARN or ERROR (any case); empty: any.
	Level string `yaml:"level" json:"level,omitempty"`
	// Contains must occur in the message.
	Contains string `yaml:"contains" json:"contains,omitempty"`
	// Matches is a regular expression (RE2) the message must match.
	Matches string `yaml:"matches" json:"matches,omitempty"`

	re *regexp.Regexp
}

func (l LogExpect) String() string {
	var parts []string
	if l.Level != "" {
		parts = append(parts, strings.ToUpper(l.Level))
	} else {
		parts = append(parts, "any level")
	}
	if l.Contains != "" {
		parts = append(parts, fmt.Sprintf("containing %q", l.Contains))
	}
	if l.Matches != "" {
		parts = append(parts, fmt.Sprintf("matching /%s/", l.Matches))
	}
	return strings.Join(parts, " ")
}

// HTTPCallsExpect checks the run's httpCalls.
type HTTPCallsExpect struct {
	// Count, when set, is the exact number of requests.
	Count *int `yaml:"count" json:"count,omitempty"`
	// Calls are matched in order, each against a request later than the one
	// the previous entry matched; requests not listed are allowed (set
	// Count to forbid them).
	Calls []HTTPCallExpect `yaml:"calls" json:"calls,omitempty"`
}

// HTTPCallExpect is one expected request.
type HTTPCallExpect struct {
	// Method matches in any case; empty matches any.
	Method string `yaml:"method" json:"method,omitempty"`
	// URL matches exactly, or as a pattern where * stands for any run of
	// characters; without "?" the query string is ignored.
	URL string `yaml:"url" json:"url"`
	// Status, when set, is the response status (0: no response).
	Status *int `yaml:"status" json:"status,omitempty"`
	// BodyContains must occur in the request body.
	BodyContains string `yaml:"bodyContains" json:"bodyContains,omitempty"`
}

func (h HTTPCallExpect) String() string {
	m := strings.ToUpper(h.Method)
	if m == "" {
		m = "*"
	}
	s := m + " " + h.URL
	if h.Status != nil {
		s += fmt.Sprintf(" → %d", *h.Status)
	}
	if h.BodyContains != "" {
		s += fmt.Sprintf(" (body contains %q)", h.BodyContains)
	}
	return s
}

func (h HTTPCallExpect) matches(c httpclient.Call) bool {
	if h.Method != "" && !strings.EqualFold(h.Method, c.Method) {
		return false
	}
	if !httpclient.MatchURL(h.URL, c.URL) {
		return false
	}
	if h.Status != nil && *h.Status != c.Status {
		return false
	}
	return h.BodyContains == "" || strings.Contains(c.RequestBody, h.BodyContains)
}

// IDMExpect queries an IDM collection after the run.
type IDMExpect struct {
	// Resource is the collection, such as managed/alpha_user.
	Resource string `yaml:"resource" json:"resource"`
	// Filter is a _queryFilter; empty means "true" (every object).
	Filter string `yaml:"filter" json:"filter,omitempty"`
	// Count, when set, is the exact number of objects the query returns.
	Count *int `yaml:"count" json:"count,omitempty"`
	// Match is a subset every returned object must match.
	Match map[string]any `yaml:"match" json:"match,omitempty"`
}

func (e IDMExpect) filter() string {
	if e.Filter == "" {
		return "true"
	}
	return e.Filter
}

// ListExpect checks a list of recorded items (idmChanges, emails).
type ListExpect struct {
	// Count, when set, is the exact length.
	Count *int `yaml:"count" json:"count,omitempty"`
	// Include are subsets each of which some item must match.
	Include []map[string]any `yaml:"include" json:"include,omitempty"`
}

// ErrorExpect is the way a run must fail.
type ErrorExpect struct {
	// Kind is a runtime.ErrorKind: syntax, exception, timeout, canceled,
	// stack-overflow, no-outcome, memory. Empty: any kind.
	Kind string `yaml:"kind" json:"kind,omitempty"`
	// Contains must occur in the error message.
	Contains string `yaml:"contains" json:"contains,omitempty"`
}

var errorKinds = []runtime.ErrorKind{
	runtime.KindSyntax, runtime.KindException, runtime.KindTimeout, runtime.KindCanceled,
	runtime.KindStackOverflow, runtime.KindNoOutcome, runtime.KindMemory, runtime.KindNotProvided,
}

// Validate checks the expectations themselves (levels, regular expressions,
// error kinds) and compiles what needs compiling.
func (e *Expect) Validate() error {
	if e != nil {
		for i, p := range e.Passes {
			if p == nil {
				e.Passes[i] = &Expect{}
				continue
			}
			if len(p.Passes) > 0 {
				return fmt.Errorf("expect.passes[%d]: a pass has no passes", i)
			}
			if err := p.Validate(); err != nil {
				return fmt.Errorf("expect.passes[%d]: %v", i, err)
			}
		}
	}
	for _, k := range slices.Sorted(maps.Keys(e.Outputs)) {
		if !bindings.IsOutput(k) {
			return fmt.Errorf("expect.%s: unknown expectation: not a key of expect, nor an output of any binding (%s)", k, strings.Join(bindings.OutputNames(), ", "))
		}
	}
	if e == nil {
		return nil
	}
	for i := range e.Logs {
		l := &e.Logs[i]
		if l.Level != "" {
			if _, err := logger.ParseLevel(l.Level); err != nil {
				return fmt.Errorf("expect.logs[%d].level: %v", i, err)
			}
		}
		if l.Matches != "" {
			re, err := regexp.Compile(l.Matches)
			if err != nil {
				return fmt.Errorf("expect.logs[%d].matches: %v", i, err)
			}
			l.re = re
		}
	}
	if e.NoLogsAbove != "" {
		if _, err := logger.ParseLevel(e.NoLogsAbove); err != nil {
			return fmt.Errorf("expect.noLogsAbove: %v", err)
		}
	}
	if e.HTTPCalls != nil {
		for i, c := range e.HTTPCalls.Calls {
			if c.URL == "" {
				return fmt.Errorf("expect.httpCalls.calls[%d]: url is required", i)
			}
		}
	}
	for i, q := range e.IDM {
		if q.Resource == "" {
			return fmt.Errorf("expect.idm[%d]: resource is required", i)
		}
		if q.Count == nil && q.Match == nil {
			return fmt.Errorf("expect.idm[%d]: set count, match or both", i)
		}
	}
	if err := e.PingOne.validate(); err != nil {
		return err
	}
	if e.Error != nil && e.Error.Kind != "" {
		ok := false
		var names []string
		for _, k := range errorKinds {
			ok = ok || string(k) == e.Error.Kind
			names = append(names, string(k))
		}
		if !ok {
			return fmt.Errorf("expect.error.kind: unknown kind %q (want one of %s)", e.Error.Kind, strings.Join(names, ", "))
		}
	}
	return nil
}

// Observed is what the checks look at: a run's two results and the world it
// ran in (for queries on the back ends after the run; Env may be nil).
type Observed struct {
	Result runtime.Result
	Err    error
	Env    *fixtures.Env
	// PingOneChanges are what the run changed in the local PingOne
	// (Env.PingOneChanges() right after the run).
	PingOneChanges []pingone.Change
}

// Failure is one expectation a run did not meet.
type Failure struct {
	// Check names the expectation: outcome, sharedState, logs[1] …
	Check string `json:"check"`
	// Message says what is wrong, in one or a few lines.
	Message string `json:"message"`
	// Expected and Actual are the values compared, when there are values.
	Expected any `json:"expected,omitempty"`
	Actual   any `json:"actual,omitempty"`
	// Diff is a unified diff of Expected against Actual (as JSON).
	Diff string `json:"diff,omitempty"`
}

// String is the message followed by the diff.
func (f Failure) String() string {
	s := f.Message
	if f.Diff != "" {
		s += "\n" + indent(strings.TrimRight(f.Diff, "\n"), "  ")
	}
	return s
}

// Check compares an observed run against the expectations and returns the
// failures, in the order of the fields of Expect. Validate must have been
// called.
func (e *Expect) Check(ctx context.Context, o Observed) []Failure {
	if e == nil {
		e = &Expect{}
	}
	var fs []Failure
	add := func(f Failure) { fs = append(fs, f) }
	res := o.Result

	var se *runtime.ScriptError
	errors.As(o.Err, &se)
	switch {
	case e.Error == nil && o.Err != nil:
		msg := "the script failed: " + o.Err.Error()
		if se != nil {
			msg = fmt.Sprintf("the script failed (%s): %s", se.Kind, se.Error())
			if se.Stack != "" {
				msg += "\n" + indent(se.Stack, "  ")
			}
		}
		if len(logger.Logs.Get(res.Outputs)) > 0 {
			msg += "\nthe run logged:\n" + indent(strings.Join(logLines(logger.Logs.Get(res.Outputs)), "\n"), "  ")
		}
		add(Failure{Check: "error", Message: msg})
		// The rest would only repeat that the run did not finish.
		return fs
	case e.Error != nil && o.Err == nil:
		add(Failure{Check: "error", Message: fmt.Sprintf("expected the script to fail (%s), but it reached outcome %q", e.Error.describe(), res.Outcome)})
	case e.Error != nil:
		kind, msg := string(runtime.KindException), o.Err.Error()
		if se != nil {
			kind, msg = string(se.Kind), se.Message
		}
		want := map[string]any{}
		got := map[string]any{}
		if e.Error.Kind != "" {
			want["kind"], got["kind"] = e.Error.Kind, kind
		}
		if e.Error.Contains != "" {
			want["message"], got["message"] = "… "+e.Error.Contains+" …", msg
		}
		if (e.Error.Kind != "" && e.Error.Kind != kind) || !strings.Contains(msg, e.Error.Contains) {
			add(Failure{Check: "error", Message: fmt.Sprintf("expected an error (%s), got (%s): %s", e.Error.describe(), kind, msg),
				Expected: want, Actual: got, Diff: Diff(want, got)})
		}
	}

	if e.Outcome != nil && *e.Outcome != res.Outcome {
		add(Failure{Check: "outcome", Message: fmt.Sprintf("outcome: expected %q, got %q", *e.Outcome, res.Outcome),
			Expected: *e.Outcome, Actual: res.Outcome})
	}
	if e.Value != nil {
		got, _ := res.Value.(map[string]any)
		if f, bad := subsetFailure("value", e.Value, orEmpty(got)); bad {
			add(f)
		}
	}
	if e.SharedState != nil {
		if f, bad := subsetFailure("sharedState", e.SharedState, orEmpty(res.SharedState)); bad {
			add(f)
		}
	}
	if e.TransientState != nil {
		if f, bad := subsetFailure("transientState", e.TransientState, orEmpty(res.TransientState)); bad {
			add(f)
		}
	}
	for _, k := range e.Absent {
		where := ""
		if v, ok := res.SharedState[k]; ok {
			where = fmt.Sprintf("sharedState has it: %s", short(Normalize(v)))
		} else if v, ok := res.TransientState[k]; ok {
			where = fmt.Sprintf("transientState has it: %s", short(Normalize(v)))
		}
		if where != "" {
			add(Failure{Check: "absent", Message: fmt.Sprintf("absent: %q should not be in node state, but %s", k, where)})
		}
	}
	if e.Headers != nil {
		want, got := *e.Headers, action.Headers.Get(res.Outputs)
		if want == nil {
			want = []string{}
		}
		if got == nil {
			got = []string{}
		}
		if d := Diff(want, got); d != "" {
			add(Failure{Check: "headers", Message: "headers: not as expected", Expected: want, Actual: got, Diff: d})
		}
	}
	for _, s := range []struct {
		name      string
		want      *string
		got       string
		multiline bool
	}{
		{"description", e.Description, action.Description.Get(res.Outputs), true},
		{"errorMessage", e.ErrorMessage, action.ErrorMessage.Get(res.Outputs), true},
		{"lockoutMessage", e.LockoutMessage, action.LockoutMessage.Get(res.Outputs), true},
		{"identifiedUser", e.IdentifiedUser, action.IdentifiedUser.Get(res.Outputs), false},
		{"stage", e.Stage, action.Stage.Get(res.Outputs), false},
	} {
		if s.want != nil && *s.want != s.got {
			f := Failure{Check: s.name, Message: fmt.Sprintf("%s: expected %q, got %q", s.name, *s.want, s.got), Expected: *s.want, Actual: s.got}
			if strings.Contains(*s.want, "\n") || strings.Contains(s.got, "\n") {
				f.Diff = LineDiff(*s.want+"\n", s.got+"\n")
			}
			add(f)
		}
	}
	fs = append(fs, e.checkLogs(logger.Logs.Get(res.Outputs))...)
	fs = append(fs, e.checkHTTP(httpclient.Calls.Get(res.Outputs))...)
	fs = append(fs, e.checkIDM(ctx, o.Env)...)
	if e.IDMChanges != nil {
		fs = append(fs, e.IDMChanges.check("idmChanges", openidm.Changes.Get(res.Outputs))...)
	}
	if e.Emails != nil {
		fs = append(fs, e.Emails.check("emails", openidm.Emails.Get(res.Outputs))...)
	}
	fs = append(fs, e.checkCallbacks(res.Outputs)...)
	fs = append(fs, e.checkOutputs(res.Outputs)...)
	fs = append(fs, e.PingOne.check(ctx, o.Env)...)
	if e.PingOneChanges != nil {
		fs = append(fs, e.PingOneChanges.check("pingoneChanges", o.PingOneChanges)...)
	}
	return fs
}

func (x *ErrorExpect) describe() string {
	var parts []string
	if x.Kind != "" {
		parts = append(parts, "kind "+x.Kind)
	}
	if x.Contains != "" {
		parts = append(parts, fmt.Sprintf("containing %q", x.Contains))
	}
	if len(parts) == 0 {
		return "any error"
	}
	return strings.Join(parts, ", ")
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

// subsetFailure compares got against the subset want and describes the
// mismatches, with a diff of want against got cut to want's keys.
func subsetFailure(name string, want, got any) (Failure, bool) {
	ms := MatchSubset(name, want, got)
	if len(ms) == 0 {
		return Failure{}, false
	}
	lines := make([]string, len(ms))
	for i, m := range ms {
		lines[i] = "  " + m.String()
	}
	w, g := Normalize(want), Project(want, got)
	return Failure{
		Check:    name,
		Message:  name + ": does not match\n" + strings.Join(lines, "\n"),
		Expected: w, Actual: g, Diff: Diff(w, g),
	}, true
}

func logLine(r logger.Record) string { return r.Level.String() + " " + r.Message }

func logLines(logs []logger.Record) []string {
	lines := make([]string, len(logs))
	for i, r := range logs {
		lines[i] = logLine(r)
	}
	return lines
}

func (e *Expect) checkLogs(logs []logger.Record) []Failure {
	var fs []Failure
	for i, want := range e.Logs {
		var lvl logger.Level = -1
		if want.Level != "" {
			lvl, _ = logger.ParseLevel(want.Level)
		}
		found := false
		for _, r := range logs {
			if (lvl < 0 || r.Level == lvl) && strings.Contains(r.Message, want.Contains) && (want.re == nil || want.re.MatchString(r.Message)) {
				found = true
				break
			}
		}
		if !found {
			lines := logLines(logs)
			msg := fmt.Sprintf("logs[%d]: no line %s; the run logged:", i, want)
			if len(lines) == 0 {
				msg = fmt.Sprintf("logs[%d]: no line %s; the run logged nothing", i, want)
			} else {
				msg += "\n" + indent(strings.Join(lines, "\n"), "  ")
			}
			fs = append(fs, Failure{Check: fmt.Sprintf("logs[%d]", i), Message: msg, Expected: want.String(), Actual: lines})
		}
	}
	if e.NoLogsAbove != "" {
		max, _ := logger.ParseLevel(e.NoLogsAbove)
		var over []string
		for _, r := range logs {
			if r.Level > max {
				over = append(over, logLine(r))
			}
		}
		if len(over) > 0 {
			fs = append(fs, Failure{Check: "noLogsAbove", Message: fmt.Sprintf("noLogsAbove: %d line(s) above %s:\n%s", len(over), max, indent(strings.Join(over, "\n"), "  ")), Actual: over})
		}
	}
	return fs
}

func (e *Expect) checkHTTP(calls []httpclient.Call) []Failure {
	h := e.HTTPCalls
	if h == nil {
		return nil
	}
	var fs []Failure
	got := make([]string, len(calls))
	for i, c := range calls {
		got[i] = fmt.Sprintf("%s %s → %d", c.Method, c.URL, c.Status)
	}
	if h.Count != nil && *h.Count != len(calls) {
		fs = append(fs, Failure{Check: "httpCalls.count", Message: fmt.Sprintf("httpCalls.count: expected %d request(s), got %d", *h.Count, len(calls)),
			Expected: *h.Count, Actual: got})
	}
	next := 0
	for i, want := range h.Calls {
		found := -1
		for j := next; j < len(calls); j++ {
			if want.matches(calls[j]) {
				found = j
				break
			}
		}
		if found < 0 {
			wantLines := make([]string, len(h.Calls))
			for k, c := range h.Calls {
				wantLines[k] = c.String()
			}
			after := ""
			if i > 0 {
				after = fmt.Sprintf(" after request %d", next)
			}
			fs = append(fs, Failure{Check: fmt.Sprintf("httpCalls.calls[%d]", i),
				Message:  fmt.Sprintf("httpCalls.calls[%d]: no request %s%s", i, want, after),
				Expected: wantLines, Actual: got, Diff: Diff(wantLines, got)})
			break
		}
		next = found + 1
	}
	return fs
}

func (e *Expect) checkIDM(ctx context.Context, env *fixtures.Env) []Failure {
	if len(e.IDM) == 0 {
		return nil
	}
	var be openidm.Backend
	if env != nil {
		be, _ = openidm.BackendKey.In(env.Input.Backends)
	}
	var fs []Failure
	for i, q := range e.IDM {
		name := fmt.Sprintf("idm[%d]", i)
		if be == nil {
			fs = append(fs, Failure{Check: name, Message: name + ": the run had no IDM back end"})
			continue
		}
		qr, err := be.Query(ctx, q.Resource, openidm.Query{Filter: q.filter()}, openidm.Opts{})
		if err != nil {
			fs = append(fs, Failure{Check: name, Message: fmt.Sprintf("%s: query %s?_queryFilter=%s: %v", name, q.Resource, q.filter(), err)})
			continue
		}
		where := fmt.Sprintf("%s %s?_queryFilter=%s", name, q.Resource, q.filter())
		if q.Count != nil && *q.Count != len(qr.Result) {
			ids := make([]string, len(qr.Result))
			for k, o := range qr.Result {
				ids[k] = fmt.Sprint(o["_id"])
			}
			fs = append(fs, Failure{Check: name, Message: fmt.Sprintf("%s: expected %d objects, got %d %v", where, *q.Count, len(qr.Result), ids),
				Expected: *q.Count, Actual: len(qr.Result)})
		}
		if q.Match != nil {
			for _, obj := range qr.Result {
				if f, bad := subsetFailure(fmt.Sprintf("%s/%v", q.Resource, obj["_id"]), q.Match, obj); bad {
					f.Check = name
					f.Message = where + ": " + f.Message
					fs = append(fs, f)
				}
			}
		}
	}
	return fs
}

func (l *ListExpect) check(name string, items any) []Failure {
	list, _ := Normalize(items).([]any)
	var fs []Failure
	if l.Count != nil && *l.Count != len(list) {
		fs = append(fs, Failure{Check: name + ".count", Message: fmt.Sprintf("%s.count: expected %d, got %d", name, *l.Count, len(list)),
			Expected: *l.Count, Actual: list})
	}
	for i, want := range l.Include {
		found := false
		for _, it := range list {
			if len(MatchSubset("", want, it)) == 0 {
				found = true
				break
			}
		}
		if !found {
			got := make([]any, len(list))
			for k, it := range list {
				got[k] = Project(want, it)
			}
			w := Normalize(want)
			f := Failure{Check: fmt.Sprintf("%s.include[%d]", name, i), Message: fmt.Sprintf("%s.include[%d]: no item matches %s", name, i, short(w)),
				Expected: w, Actual: list}
			if len(got) == 1 {
				f.Diff = Diff(w, got[0])
			} else {
				f.Diff = Diff([]any{w}, got)
			}
			fs = append(fs, f)
		}
	}
	return fs
}

func indent(s, prefix string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = prefix + l
	}
	return strings.Join(lines, "\n")
}

// checkOutputs compares each expected output with the run's, through their
// JSON forms, as sharedState is compared.
func (e *Expect) checkOutputs(out bindings.Outputs) []Failure {
	var fs []Failure
	for _, k := range slices.Sorted(maps.Keys(e.Outputs)) {
		raw, ok, err := out.JSON(k)
		if err != nil {
			fs = append(fs, Failure{Check: k, Message: fmt.Sprintf("%s: cannot read the run's output: %v", k, err)})
			continue
		}
		var got any
		if ok {
			if err := json.Unmarshal(raw, &got); err != nil {
				fs = append(fs, Failure{Check: k, Message: fmt.Sprintf("%s: cannot read the run's output: %v", k, err)})
				continue
			}
		}
		want := e.Outputs[k]
		if !ok {
			fs = append(fs, Failure{Check: k, Message: fmt.Sprintf("%s: the run has no %s", k, k), Expected: want})
			continue
		}
		if f, bad := subsetFailure(k, want, got); bad {
			fs = append(fs, f)
		}
	}
	return fs
}
