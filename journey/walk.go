package journey

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	// Every binding journeyjs provides.
	_ "github.com/journeyjs/journeyjs/bindings/all"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/callbacks"
	"github.com/journeyjs/journeyjs/bindings/journeyinfo"
	"github.com/journeyjs/journeyjs/bindings/openidm"
	"github.com/journeyjs/journeyjs/bindings/suspension"
	"github.com/journeyjs/journeyjs/emulator/pingone"
	"github.com/journeyjs/journeyjs/fixtures"
	"github.com/journeyjs/journeyjs/passes"
	"github.com/journeyjs/journeyjs/runtime"
)

// DefaultMaxSteps bounds a walk when Options.MaxSteps is zero.
const DefaultMaxSteps = 200

// Results of a walk.
const (
	ResultSuccess = "Success"
	ResultFailure = "Failure"
	// ResultError is a walk that stopped before reaching Success or Failure.
	ResultError = "Error"
)

// Options configure a walk.
type Options struct {
	// Tree is the journey to walk; empty means Export.DefaultTree.
	Tree string
	// Engine runs the scripts; nil means a new engine with Timeout, closed
	// when the walk ends.
	Engine *runtime.Engine
	// Timeout bounds each script run when Engine is nil (default: the
	// runtime's).
	Timeout time.Duration
	// Language is the scripts' language when Engine is nil (default:
	// runtime.LanguageTenant, what AIC compiles).
	Language runtime.Language
	// Input is the world the scripts run in (realm, secrets, ESVs, IDM, HTTP
	// …) and, in SharedState and TransientState, the state the journey
	// starts with. The IDM back end is also what Data Store Decision and
	// Identify Existing User query.
	Input runtime.Input
	// Answers answer page nodes and stand in for other nodes; nil means
	// none.
	Answers *Answers
	// MaxSteps bounds the number of node visits, inner journeys included
	// (default DefaultMaxSteps).
	MaxSteps int
	// AfterStep, when set, is called when a node has run (or failed), with
	// its step, so the caller can add what its back ends recorded (the CLI
	// adds the local PingOne's changes).
	AfterStep func(*Step)
}

// Step is one node the walk went through.
type Step struct {
	NodeID string `json:"nodeId"`
	Name   string `json:"name"`
	Type   string `json:"type"`
	// Outcome is the outcome the node took; empty for Success and Failure
	// and for a node that failed.
	Outcome string `json:"outcome"`
	// Tree is the journey the node belongs to.
	Tree string `json:"tree"`
	// Depth is 0 for the walked journey's nodes, 1 for the nodes of a page
	// or an inner journey inside it, and so on.
	Depth int `json:"depth,omitempty"`
	// Script names the script a Scripted Decision node (or a PingOne Verify
	// Completion Decision node) ran.
	Script string `json:"script,omitempty"`
	// Answered is true when the answers file decided the outcome.
	Answered bool `json:"answered,omitempty"`
	// Pass numbers the runs of a Scripted Decision node that sends
	// callbacks: each round trip is a step of its own, the first (pass 1)
	// sends the callbacks (its outputs' callbacks), the next runs with the
	// reply from the answers file.
	Pass int `json:"pass,omitempty"`
	// Reply is the answers file's reply this pass ran with.
	Reply      *callbacks.Reply `json:"reply,omitempty"`
	Duration   time.Duration    `json:"-"`
	DurationMs float64          `json:"durationMs"`
	// Outputs are what the bindings of a node script's run
	// recorded (logs, HTTP calls, IDM changes …: runtime.Result.Outputs),
	// each a key of the step's JSON.
	Outputs bindings.Outputs `json:"-"`
	// PingOneChanges are the local PingOne objects the node changed, when
	// the caller records them (Options.AfterStep).
	PingOneChanges []pingone.Change `json:"pingoneChanges,omitempty"`
	// Error is why the node failed; the walk stopped there.
	Error string `json:"error,omitempty"`
	// ScriptError is the failed script's error, with its position.
	ScriptError *runtime.ScriptError `json:"scriptError,omitempty"`
	// Warnings are the script's language warnings (runtime.Result.Warnings).
	Warnings []runtime.Warning `json:"warnings,omitempty"`
}

// The step's own JSON keys, which no binding output may take.
func init() {
	bindings.Reserve("nodeId", "name", "type", "tree", "depth", "script", "answered", "pass", "reply", "pingoneChanges", "scriptError")
}

// plainStep is Step without its JSON methods.
type plainStep Step

// MarshalJSON writes the step with its run's outputs as keys of its own.
func (s Step) MarshalJSON() ([]byte, error) { return bindings.AppendJSON(plainStep(s), s.Outputs) }

// UnmarshalJSON reads what MarshalJSON wrote.
func (s *Step) UnmarshalJSON(data []byte) error {
	var p plainStep
	var out bindings.Outputs
	if err := bindings.ReadJSON(data, &p, &out); err != nil {
		return err
	}
	p.Outputs = out
	*s = Step(p)
	return nil
}

// Result is a walk: the path, the end, and the state at the end.
type Result struct {
	Tree string `json:"tree"`
	// Result is Success, Failure, or Error when the walk stopped on an
	// error.
	Result         string         `json:"result"`
	Path           []Step         `json:"path"`
	SharedState    map[string]any `json:"sharedState"`
	TransientState map[string]any `json:"transientState"`
	Error          string         `json:"error,omitempty"`
}

// Walk walks a journey of the export from its entry node to Success or
// Failure. It returns the result, which holds the path up to where it
// stopped, and an error when the walk could not finish: a problem with the
// export itself (an *Error: missing script, legacy script, inner journey not
// in the export), a script that failed, a node it cannot simulate, an
// outcome with no connection, or too many steps.
func Walk(ctx context.Context, x *Export, opts Options) (*Result, error) {
	s, err := start(ctx, x, opts, false)
	return s.res, err
}

type walker struct {
	ctx     context.Context
	x       *Export
	answers *Answers
	after   func(*Step)
	in      runtime.Input
	eng     *runtime.Engine
	max     int

	shared, transient map[string]any
	path              []Step
	visits            []visit
	// replied counts the replies each node (by id) has used.
	replied map[string]int

	// interactive is a Session's walk: collector nodes and scripts that
	// send callbacks stop the walk (errWaiting) to ask the client, instead
	// of reading the answers file.
	interactive bool
	// stack holds the trees being walked, innermost last, each at its
	// current node: the position a Session saves when the walk stops.
	stack []frame
	// resume is the position a resumed walk re-enters, consumed as the walk
	// descends to it; reply is the client's answer for the node there.
	resume []frame
	reply  *resumeReply
	// waiting is where the walk stopped to ask the client (errWaiting).
	waiting *Prompt
	// collected holds the values the client gave collector nodes (by node
	// id) for this request.
	collected map[string]string
	// inPage is set while a page's children run: the page asks for their
	// callbacks.
	inPage bool
	// childAsk is what the page's child that just ran sends (errChildAsks);
	// childReplies are the page's children's slices of the client's reply,
	// by node id.
	childAsk     *childAsk
	childReplies map[string]*resumeReply
}

type visit struct {
	tree *Tree
	node *Node
}

// walkTree walks t from its entry node and returns Success or Failure.
func (w *walker) walkTree(t *Tree, depth int) (string, error) {
	id := t.EntryNodeID
	if k := len(w.stack); k < len(w.resume) {
		id = w.resume[k].Node
		if k == len(w.resume)-1 {
			w.resume = nil
		}
	}
	w.stack = append(w.stack, frame{Tree: t.Name})
	defer func() { w.stack = w.stack[:len(w.stack)-1] }()
	for {
		w.stack[len(w.stack)-1].Node = id
		switch id {
		case SuccessNodeID:
			w.path = append(w.path, Step{NodeID: id, Name: ResultSuccess, Type: TypeSuccess, Tree: t.Name, Depth: depth})
			return ResultSuccess, nil
		case FailureNodeID:
			w.path = append(w.path, Step{NodeID: id, Name: ResultFailure, Type: TypeFailure, Tree: t.Name, Depth: depth})
			return ResultFailure, nil
		}
		if err := w.ctx.Err(); err != nil {
			return "", err
		}
		n := t.Nodes[id]
		w.visits = append(w.visits, visit{t, n})
		if len(w.visits) > w.max {
			return "", w.loopError()
		}
		outcome, err := w.evalNode(t, n, depth)
		if err != nil {
			return "", err
		}
		next, ok := n.Connections[outcome]
		if !ok {
			return "", fmt.Errorf("journey %q: node %s took outcome %q, which is connected to nothing (its connections: %s)",
				t.Name, n.Label(), outcome, describeConnections(n))
		}
		id = next
	}
}

// evalNode runs or simulates one node, records its step (and those of the
// nodes inside it), and returns its outcome.
func (w *walker) evalNode(t *Tree, n *Node, depth int) (string, error) {
	idx := len(w.path)
	w.path = append(w.path, Step{NodeID: n.ID, Name: nodeName(n), Type: n.Type, Tree: t.Name, Depth: depth})
	start := time.Now()
	outcome, err := w.decide(t, n, depth, &idx)
	st := &w.path[idx]
	st.Duration = time.Since(start)
	st.DurationMs = float64(st.Duration.Microseconds()) / 1000
	if err != nil {
		if st.Error == "" && !errors.Is(err, errWaiting) {
			st.Error = err.Error()
		}
	} else {
		st.Outcome = outcome
	}
	if w.after != nil {
		w.after(st)
	}
	return outcome, err
}

// decide evaluates n, whose step is *idx; a node that runs several passes
// moves *idx to the step of its last.
func (w *walker) decide(t *Tree, n *Node, depth int, idx *int) (string, error) {
	if ans := w.answers.For(n); ans != nil {
		w.shared = fixtures.Overlay(w.shared, ans.State)
		w.transient = fixtures.Overlay(w.transient, ans.TransientState)
		if ans.Outcome != "" {
			w.path[*idx].Answered = true
			return ans.Outcome, nil
		}
	}
	switch n.Type {
	case TypeScriptedDecision:
		return w.runScript(t, n, idx, runtime.ScriptedDecision)
	case TypeDeviceMatch:
		return w.runScript(t, n, idx, runtime.DeviceMatch)
	case TypeConfigProvider:
		return w.configProvider(t, n, depth, idx)
	case TypePage:
		return w.page(t, n, depth)
	case TypeUsernameCollector, TypeValidatedUsername:
		if err := w.askCollector(t, n); err != nil {
			return "", err
		}
		return w.collectUsername(n)
	case TypePasswordCollector, TypeValidatedPassword:
		if err := w.askCollector(t, n); err != nil {
			return "", err
		}
		return w.collectPassword(n)
	case TypeDataStoreDecision:
		return w.dataStoreDecision(t, n)
	case TypeIdentityStore:
		// The same check; this node's outcomes are upper case (its LOCKED,
		// EXPIRED and CANCELLED outcomes need a directory and never occur).
		o, err := w.dataStoreDecision(t, n)
		return strings.ToUpper(o), err
	case TypeIdentifyExisting:
		return w.identifyExistingUser(t, n)
	case TypeVerifyCompletion:
		return w.verifyCompletion(t, n, *idx)
	case TypeInnerTree:
		name, _ := n.Config["tree"].(string)
		end, err := w.walkTree(w.x.Trees[name], depth+1)
		if err != nil {
			return "", err
		}
		if end == ResultSuccess {
			return "true", nil
		}
		return "false", nil
	}
	return "", fmt.Errorf("journey %q: node %s is a %s node, which journeyjs does not simulate: give its outcome in the answers file (nodes: {%q: {outcome: …}}; its outcomes: %s)",
		t.Name, n.Label(), n.Type, nodeName(n), describeOutcomes(n))
}

// runScript runs a Scripted Decision node's script. A pass that sends
// callbacks (or suspends) is answered with the node's next reply from the
// answers file and the script runs again (package passes), each pass a
// step of its own; with no reply left the walk stops there, saying which
// callbacks the node waits for.
func (w *walker) runScript(t *Tree, n *Node, idx *int, ctx *runtime.Context) (string, error) {
	s, err := w.x.scriptOf(t, n, ctx)
	if err != nil {
		return "", err
	}
	in := w.in
	var res *runtime.Result
	pass := 1
	// A Session resumes here when the client answered one of this node's
	// passes: the step evalNode opened is the next pass's.
	resumed := w.takeReply(n)
	if resumed != nil && resumed.script != nil {
		in, res, pass = resumed.script.in, resumed.script.res, resumed.script.pass
	} else {
		resumed = nil
		res, err = w.run(t, n, *idx, s, ctx, &in)
	}
	for ; err == nil && passes.Waiting(*res); pass++ {
		var reply callbacks.Reply
		if resumed != nil {
			reply, resumed = resumed.reply, nil
			if in, err = passes.Next(in, *res, reply); err != nil {
				return "", fmt.Errorf("journey %q: node %s: the client's reply: %w", t.Name, n.Label(), err)
			}
		} else {
			st := &w.path[*idx]
			st.Pass = pass
			if w.interactive {
				return "", w.ask(t, n, callbacks.Sent.Get(res.Outputs), &scriptPass{in: in, res: res, pass: pass})
			}
			var ok bool
			if reply, ok = w.nextReply(n); !ok {
				return "", w.waitingError(t, n, *res)
			}
			if in, err = passes.Next(in, *res, reply); err != nil {
				return "", fmt.Errorf("journey %q: node %s: reply %d of the answers file: %w", t.Name, n.Label(), w.replied[n.ID], err)
			}
			if w.after != nil {
				w.after(st)
			}
			next := *st
			next.Outputs, next.Error, next.ScriptError = bindings.Outputs{}, "", nil
			w.path = append(w.path, next)
			*idx = len(w.path) - 1
		}
		if !w.inPage {
			// Dropped by the round trip; a page's round trip comes before
			// its collectors take their values (a session's page drops it
			// then, once for all its nodes).
			w.transient = map[string]any{}
		}
		st := &w.path[*idx]
		st.Pass, st.Reply = pass+1, &reply
		res, err = w.run(t, n, *idx, s, ctx, &in)
	}
	if err != nil {
		return "", err
	}
	if outs := stringList(n.Config["outcomes"]); len(outs) > 0 && !slices.Contains(outs, res.Outcome) {
		return "", fmt.Errorf("journey %q: node %s: script %q chose outcome %q, which is not one of the node's outcomes (%s)",
			t.Name, n.Label(), s.Name, res.Outcome, strings.Join(outs, ", "))
	}
	return res.Outcome, nil
}

// nextReply takes the node's next reply from the answers file.
func (w *walker) nextReply(n *Node) (callbacks.Reply, bool) {
	ans := w.answers.For(n)
	if ans == nil {
		return callbacks.Reply{}, false
	}
	if w.replied == nil {
		w.replied = map[string]int{}
	}
	k := w.replied[n.ID]
	if k >= len(ans.Replies) {
		return callbacks.Reply{}, false
	}
	w.replied[n.ID] = k + 1
	return ans.Replies[k], true
}

// waitingError says which node waits for which callbacks.
func (w *walker) waitingError(t *Tree, n *Node, res runtime.Result) error {
	if s, ok := suspension.Suspended.Lookup(res.Outputs); ok {
		return fmt.Errorf("journey %q: node %s suspended the journey (resume URI %s): to resume, give it a reply in the answers file (nodes: {%q: {replies: [[]]}})",
			t.Name, n.Label(), s.ResumeURI, nodeName(n))
	}
	var lines []string
	for i, cb := range callbacks.Sent.Get(res.Outputs) {
		lines = append(lines, fmt.Sprintf("  %d  %s", i+1, cb.Summary()))
	}
	used := 0
	if w.replied != nil {
		used = w.replied[n.ID]
	}
	return fmt.Errorf("journey %q: node %s waits for the user's input and the answers file has no reply left for it (%d used): give one more under nodes: {%q: {replies: [...]}}, one value for each callback that takes input. Its callbacks:\n%s",
		t.Name, n.Label(), used, nodeName(n), strings.Join(lines, "\n"))
}

// run runs a node's script in context c with the journey's state, records
// the run in step idx (the script's name, its outputs, its error) and
// carries the state it leaves on.
// in, when not nil, is the input to run with (a later pass's), else the
// walk's; its state is the journey's either way.
func (w *walker) run(t *Tree, n *Node, idx int, s *Script, c *runtime.Context, pass *runtime.Input) (*runtime.Result, error) {
	in := w.in
	if pass != nil {
		in = *pass
	}
	in.Context = c
	in.SharedState, in.TransientState = w.shared, w.transient
	// The `journey` binding names the tree the node is in.
	in.Backends = in.Backends.Clone()
	journeyinfo.InfoKey.Set(&in.Backends, &journeyinfo.Info{Name: t.Name, IdentityResource: t.IdentityResource})
	res, runErr := w.eng.Run(w.ctx, runtime.Script{Name: s.Name, ID: s.ID, Source: s.Source}, in)
	st := &w.path[idx]
	st.Script = s.Name
	st.Outputs = res.Outputs
	st.Warnings = res.Warnings
	if res.SharedState != nil {
		w.shared = res.SharedState
	}
	if res.TransientState != nil {
		w.transient = res.TransientState
	}
	if runErr != nil {
		st.ScriptError = res.Error
		return &res, fmt.Errorf("journey %q: node %s: script %q failed: %w", t.Name, n.Label(), s.Name, runErr)
	}
	return &res, nil
}

// configProvider runs a Configuration Provider node's script (context
// config-provider), whose global config is the configuration of the node
// it stands for, and then evaluates that node (its type is the node's
// nodeType setting) with that configuration, as AM does. A script that
// fails, or leaves no config object, takes the node's CONFIGURATION_FAILED
// outcome.
func (w *walker) configProvider(t *Tree, n *Node, depth int, idx *int) (string, error) {
	s, err := w.x.scriptOf(t, n, runtime.ConfigProvider)
	if err != nil {
		return "", err
	}
	in := w.in
	res, err := w.run(t, n, *idx, s, runtime.ConfigProvider, &in)
	config, _ := res.Value.(map[string]any)
	if err != nil || config == nil {
		w.path[*idx].Error = fmt.Sprint(err)
		return ConfigurationFailed, nil
	}
	nodeType, _ := n.Config["nodeType"].(string)
	if nodeType == "" {
		return "", fmt.Errorf("journey %q: node %s names no nodeType: which node does its script configure?", t.Name, n.Label())
	}
	configured := &Node{ID: n.ID, Type: nodeType, DisplayName: n.DisplayName, Connections: n.Connections, Config: config}
	return w.decide(t, configured, depth, idx)
}

// page evaluates the page's nodes in order; the page takes the outcome of
// its last node.
func (w *walker) page(t *Tree, n *Node, depth int) (string, error) {
	children := t.pageChildren(n)
	if len(children) == 0 {
		if len(n.Connections) == 1 {
			for o := range n.Connections {
				return o, nil
			}
		}
		return "", fmt.Errorf("journey %q: page %s holds no node, so its outcome is unknown: give it in the answers file", t.Name, n.Label())
	}
	if w.interactive {
		return w.interactivePage(t, n, children, depth)
	}
	w.inPage = true
	defer func() { w.inPage = false }()
	var outcome string
	for _, c := range children {
		o, err := w.evalNode(t, c, depth+1)
		if err != nil {
			return "", err
		}
		outcome = o
	}
	return outcome, nil
}

func (w *walker) collectUsername(n *Node) (string, error) {
	u, ok := w.collected[n.ID]
	if !ok && (w.answers == nil || w.answers.Username == nil) {
		return "", fmt.Errorf("node %s asks for a username: give one in the answers file (username: …)", n.Label())
	}
	if !ok {
		u = *w.answers.Username
	}
	w.shared = fixtures.Overlay(w.shared, map[string]any{"username": u})
	if n.Type == TypeValidatedUsername {
		w.shared = setObjectAttribute(w.shared, configString(n, "usernameAttribute", "userName"), u)
	}
	return "outcome", nil
}

func (w *walker) collectPassword(n *Node) (string, error) {
	p, ok := w.collected[n.ID]
	if !ok && (w.answers == nil || w.answers.Password == nil) {
		return "", fmt.Errorf("node %s asks for a password: give one in the answers file (password: …)", n.Label())
	}
	if !ok {
		p = *w.answers.Password
	}
	w.transient = fixtures.Overlay(w.transient, map[string]any{"password": p})
	if n.Type == TypeValidatedPassword {
		w.transient = setObjectAttribute(w.transient, configString(n, "passwordAttribute", "password"), p)
	}
	return "outcome", nil
}

// identityCollection is where a journey's users live: its identityResource,
// else managed/<realm>_user (managed/user for the root realm).
func (w *walker) identityCollection(t *Tree) string {
	if t.IdentityResource != "" {
		return t.IdentityResource
	}
	realm := strings.Trim(w.in.Realm, "/")
	if realm == "" {
		return "managed/user"
	}
	return "managed/" + strings.ReplaceAll(realm, "/", "_") + "_user"
}

// findUsers returns the objects of the identity collection whose attr equals
// value.
func (w *walker) findUsers(t *Tree, n *Node, attr, value string) ([]map[string]any, error) {
	store, _ := openidm.BackendKey.In(w.in.Backends)
	if store == nil {
		return nil, fmt.Errorf("node %s looks users up in IDM, but there is no IDM back end: add an idm: section to the fixtures", n.Label())
	}
	q, _ := json.Marshal(value)
	coll := w.identityCollection(t)
	res, err := store.Query(w.ctx, coll, openidm.Query{Filter: attr + " eq " + string(q)}, openidm.Opts{})
	if err != nil {
		var oe *openidm.Error
		if errors.As(err, &oe) && oe.Code == 404 {
			return nil, nil
		}
		return nil, fmt.Errorf("node %s: querying %s: %w", n.Label(), coll, err)
	}
	return res.Result, nil
}

func (w *walker) dataStoreDecision(t *Tree, n *Node) (string, error) {
	username, _ := w.shared["username"].(string)
	password, ok := w.transient["password"].(string)
	if !ok {
		password, _ = w.shared["password"].(string)
	}
	if username == "" {
		return "false", nil
	}
	users, err := w.findUsers(t, n, "userName", username)
	if err != nil {
		return "", err
	}
	if len(users) != 1 {
		return "false", nil
	}
	if stored, ok := users[0]["password"].(string); ok && stored == password {
		return "true", nil
	}
	return "false", nil
}

func (w *walker) identifyExistingUser(t *Tree, n *Node) (string, error) {
	attr := configString(n, "identityAttribute", "userName")
	identifier := configString(n, "identifier", "userName")
	oa, _ := w.shared["objectAttributes"].(map[string]any)
	value, _ := oa[attr].(string)
	if value == "" {
		value, _ = w.shared["username"].(string)
	}
	if value == "" {
		return "false", nil
	}
	users, err := w.findUsers(t, n, attr, value)
	if err != nil {
		return "", err
	}
	if len(users) != 1 {
		return "false", nil
	}
	u := users[0]
	w.shared = fixtures.Overlay(w.shared, map[string]any{"_id": u["_id"]})
	if v, ok := u[identifier]; ok && v != nil && v != "" {
		w.shared = fixtures.Overlay(w.shared, map[string]any{"username": v})
		w.shared = setObjectAttribute(w.shared, identifier, v)
	}
	return "true", nil
}

// loopError explains a walk that ran out of steps, showing the cycle it was
// going round.
func (w *walker) loopError() error {
	last := w.visits[len(w.visits)-1]
	from := -1
	for i := len(w.visits) - 2; i >= 0; i-- {
		if w.visits[i] == last {
			from = i
			break
		}
	}
	msg := fmt.Sprintf("the journey did not reach Success or Failure within %d steps (--max-steps)", w.max)
	if from < 0 {
		return errors.New(msg)
	}
	names := make([]string, 0, len(w.visits)-from)
	for _, v := range w.visits[from:] {
		names = append(names, fmt.Sprintf("%q", nodeName(v.node)))
	}
	return fmt.Errorf("%s: it keeps going round %s", msg, strings.Join(names, " → "))
}

func nodeName(n *Node) string {
	if n.DisplayName != "" {
		return n.DisplayName
	}
	return n.ID
}

func describeConnections(n *Node) string {
	if len(n.Connections) == 0 {
		return "none"
	}
	var parts []string
	for _, o := range slices.Sorted(maps.Keys(n.Connections)) {
		parts = append(parts, fmt.Sprintf("%s → %s", o, n.Connections[o]))
	}
	return strings.Join(parts, ", ")
}

// describeOutcomes lists a node's outcomes, from its configuration or its
// connections.
func describeOutcomes(n *Node) string {
	var outs []string
	if list, ok := n.Config["_outcomes"].([]any); ok {
		for _, o := range list {
			if m, ok := o.(map[string]any); ok {
				if id, ok := m["id"].(string); ok {
					outs = append(outs, id)
				}
			}
		}
	}
	if len(outs) == 0 {
		outs = slices.Sorted(maps.Keys(n.Connections))
	}
	if len(outs) == 0 {
		return "unknown"
	}
	return strings.Join(outs, ", ")
}

// configString is the node's string setting key, or def when it is unset or
// empty.
func configString(n *Node, key, def string) string {
	if s, _ := n.Config[key].(string); s != "" {
		return s
	}
	return def
}

func stringList(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// setObjectAttribute sets objectAttributes[attr] in a copy of state.
func setObjectAttribute(state map[string]any, attr string, v any) map[string]any {
	oa, _ := state["objectAttributes"].(map[string]any)
	return fixtures.Overlay(state, map[string]any{"objectAttributes": fixtures.Overlay(orMap(oa), map[string]any{attr: v})})
}

func orMap(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}
