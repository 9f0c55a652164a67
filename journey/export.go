package journey

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/journeyjs/journeyjs/runtime"
)

// The static nodes every journey ends in.
const (
	SuccessNodeID = "70e691a5-1e33-4ac3-a356-e7b6d60d92e0"
	FailureNodeID = "e301438c-0bd0-429c-ab0c-66126501069a"
)

// Node types the walker knows.
const (
	TypeScriptedDecision  = "ScriptedDecisionNode"
	TypePage              = "PageNode"
	TypeUsernameCollector = "UsernameCollectorNode"
	TypeValidatedUsername = "ValidatedUsernameNode"
	TypePasswordCollector = "PasswordCollectorNode"
	TypeValidatedPassword = "ValidatedPasswordNode"
	TypeDataStoreDecision = "DataStoreDecisionNode"
	TypeIdentityStore     = "IdentityStoreDecisionNode"
	TypeIdentifyExisting  = "IdentifyExistingUserNode"
	TypeInnerTree         = "InnerTreeEvaluatorNode"
	TypeVerifyCompletion  = "PingOneVerifyCompletionDecisionNode"
	TypeDeviceMatch       = "DeviceMatchNode"
	TypeConfigProvider    = "ConfigProviderNode"
	TypeSuccess           = "SuccessNode"
	TypeFailure           = "FailureNode"
)

// ConfigurationFailed is a Configuration Provider node's outcome when its
// script fails or leaves no config object.
const ConfigurationFailed = "CONFIGURATION_FAILED"

// ContextLibrary is the script context of library scripts.
const ContextLibrary = "LIBRARY"

// ContextDecisionNode is the script context AIC writes in exports for
// next-generation Scripted Decision scripts (SCRIPTED_DECISION_NODE is its
// other name).
const ContextDecisionNode = runtime.ContextDecisionNode

// ContextVerifyCompletion is the script context of PingOne Verify
// Completion Decision scripts.
const ContextVerifyCompletion = "PINGONE_VERIFY_COMPLETION_DECISION_NODE"

// Export is a decoded journey export: one or more trees and the scripts they
// use.
type Export struct {
	// Path is the file the export was read from.
	Path string
	// Meta is the export's meta object (export tool, date, origin …).
	Meta map[string]any
	// Trees are the journeys, by name.
	Trees map[string]*Tree
	// Scripts are every script of every tree, by _id.
	Scripts map[string]*Script

	data []byte
}

// Tree is one journey.
type Tree struct {
	Name        string
	EntryNodeID string
	// IdentityResource is the IDM collection of the journey's users, for
	// example managed/alpha_user; empty when the export does not say.
	IdentityResource string
	// Nodes are the tree's nodes by id, with their configuration.
	Nodes map[string]*Node
	// InnerNodes are the configurations of the nodes inside page nodes.
	InnerNodes map[string]map[string]any

	at []string // where the tree's export sits in the file, for locate
}

// Node is a node of a tree: its place in the graph and its configuration.
type Node struct {
	ID          string
	Type        string
	DisplayName string
	// Connections maps each outcome to the id of the next node.
	Connections map[string]string
	// Config is the node's configuration from the export's nodes (or
	// innerNodes) section; empty when the export has none.
	Config map[string]any
}

// Label names the node in messages: its display name, type and id.
func (n *Node) Label() string {
	return fmt.Sprintf("%q (%s %s)", nodeName(n), n.Type, n.ID)
}

// Script is a script from the export.
type Script struct {
	ID               string
	Name             string
	Context          string
	Language         string
	EvaluatorVersion string
	// Source is the decoded JavaScript text.
	Source string

	srcErr error
	at     []string
}

// RunContext is the runtime context the script's export context names; nil
// when the export gives none or one journeyjs does not know.
func (s *Script) RunContext() *runtime.Context {
	switch c := strings.TrimSpace(s.Context); {
	case c == "":
		return nil
	case strings.EqualFold(c, ContextDecisionNode):
		return runtime.ScriptedDecision
	default:
		rc, err := runtime.LookupContext(c)
		if err != nil {
			return nil
		}
		return rc
	}
}

// contextLabel names a script context in messages.
func contextLabel(c *runtime.Context) string {
	switch c {
	case runtime.ScriptedDecision:
		return "a Scripted Decision script"
	case runtime.VerifyCompletion:
		return "a PingOne Verify Completion Decision script"
	case runtime.DeviceMatch:
		return "a Device Match script"
	case runtime.ConfigProvider:
		return "a Configuration Provider script"
	case runtime.Library:
		return "a library script"
	}
	return "a " + c.Name + " script"
}

// Legacy reports whether the script is for the legacy (Rhino) engine.
func (s *Script) Legacy() bool {
	v := strings.TrimSpace(s.EvaluatorVersion)
	return v == "1.0" || v == "1"
}

// Read reads a journey export file.
func Read(path string) (*Export, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("cannot read journey export: %v", unwrapPath(err))}
	}
	return Parse(path, data)
}

// Parse decodes a journey export; path names it in errors and anchors
// file:// script references.
func Parse(path string, data []byte) (*Export, error) {
	var top any
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, jsonError(path, data, err)
	}
	obj, ok := top.(map[string]any)
	if !ok {
		return nil, &Error{Path: path, Line: 1, Msg: "not a journey export: the file holds " + jsonKind(top) + ", not an object"}
	}
	x := &Export{Path: path, Trees: map[string]*Tree{}, Scripts: map[string]*Script{}, data: data}
	x.Meta, _ = obj["meta"].(map[string]any)
	switch {
	case obj["trees"] != nil:
		trees, ok := obj["trees"].(map[string]any)
		if !ok {
			return nil, x.errAt([]string{"trees"}, "trees must be an object of journeys by name, not %s", jsonKind(obj["trees"]))
		}
		names := slices.Sorted(maps.Keys(trees))
		if len(names) == 0 {
			return nil, x.errAt([]string{"trees"}, "the export holds no journey")
		}
		for _, name := range names {
			te, ok := trees[name].(map[string]any)
			if !ok {
				return nil, x.errAt([]string{"trees", name}, "journey %q must be an object, not %s", name, jsonKind(trees[name]))
			}
			if err := x.addTree(name, te, []string{"trees", name}); err != nil {
				return nil, err
			}
		}
	case obj["tree"] != nil:
		if err := x.addTree("", obj, nil); err != nil {
			return nil, err
		}
	default:
		return nil, &Error{Path: path, Line: 1, Msg: `not a journey export: it has neither "trees" nor "tree"`}
	}
	for _, t := range x.Trees {
		if err := x.checkGraph(t); err != nil {
			return nil, err
		}
	}
	return x, nil
}

func (x *Export) addTree(name string, te map[string]any, at []string) error {
	tv, ok := te["tree"].(map[string]any)
	if !ok {
		return x.errAt(at, "journey %s has no tree object", quoteOr(name, "export"))
	}
	if id, _ := tv["_id"].(string); id != "" && name == "" {
		name = id
	}
	if name == "" {
		return x.errAt(append(at, "tree"), "the tree has no _id")
	}
	if _, dup := x.Trees[name]; dup {
		return x.errAt(append(at, "tree", "_id"), "journey %q appears twice", name)
	}
	t := &Tree{Name: name, Nodes: map[string]*Node{}, InnerNodes: map[string]map[string]any{}, at: at}
	t.EntryNodeID, _ = tv["entryNodeId"].(string)
	if t.EntryNodeID == "" {
		return x.errAt(append(at, "tree"), "journey %q has no entryNodeId", name)
	}
	t.IdentityResource, _ = tv["identityResource"].(string)

	configs, _ := te["nodes"].(map[string]any)
	if inner, ok := te["innerNodes"].(map[string]any); ok {
		for id, c := range inner {
			if m, ok := c.(map[string]any); ok {
				t.InnerNodes[id] = m
			}
		}
	}
	nodes, _ := tv["nodes"].(map[string]any)
	for _, id := range slices.Sorted(maps.Keys(nodes)) {
		nat := under(at, "tree", "nodes", id)
		nv, ok := nodes[id].(map[string]any)
		if !ok {
			return x.errAt(nat, "node %s must be an object", id)
		}
		n := &Node{ID: id, Connections: map[string]string{}}
		n.Type, _ = nv["nodeType"].(string)
		n.DisplayName, _ = nv["displayName"].(string)
		n.Config, _ = configs[id].(map[string]any)
		if n.Type == "" {
			n.Type = configType(n.Config)
		}
		if n.Type == "" {
			return x.errAt(nat, "node %s has no nodeType", id)
		}
		if cv, ok := nv["connections"]; ok && cv != nil {
			conns, ok := cv.(map[string]any)
			if !ok {
				return x.errAt(append(nat, "connections"), "connections of node %s must be an object", id)
			}
			for outcome, target := range conns {
				s, ok := target.(string)
				if !ok {
					return x.errAt(append(nat, "connections", outcome), "connection %q of node %s must be a node id", outcome, id)
				}
				n.Connections[outcome] = s
			}
		}
		t.Nodes[id] = n
	}
	x.Trees[name] = t

	scripts, _ := te["scripts"].(map[string]any)
	for _, id := range slices.Sorted(maps.Keys(scripts)) {
		sv, ok := scripts[id].(map[string]any)
		if !ok {
			continue
		}
		sat := under(at, "scripts", id)
		s := &Script{ID: id, at: sat}
		if sid, _ := sv["_id"].(string); sid != "" {
			s.ID = sid
		}
		s.Name, _ = sv["name"].(string)
		if s.Name == "" {
			s.Name = s.ID
		}
		s.Context, _ = sv["context"].(string)
		s.Language, _ = sv["language"].(string)
		s.EvaluatorVersion = fmt.Sprint(orEmpty(sv["evaluatorVersion"]))
		s.Source, s.srcErr = x.scriptSource(sv["script"])
		if _, seen := x.Scripts[s.ID]; !seen {
			x.Scripts[s.ID] = s
		}
	}
	return nil
}

// checkGraph verifies that the entry node and every connection lead to a
// node of the tree or to Success or Failure.
func (x *Export) checkGraph(t *Tree) error {
	if !t.has(t.EntryNodeID) {
		return x.errAt(under(t.at, "tree", "entryNodeId"),
			"journey %q: entryNodeId %s is not a node of the journey", t.Name, t.EntryNodeID)
	}
	for _, id := range slices.Sorted(maps.Keys(t.Nodes)) {
		n := t.Nodes[id]
		for _, outcome := range slices.Sorted(maps.Keys(n.Connections)) {
			if target := n.Connections[outcome]; !t.has(target) {
				return x.errAt(under(t.at, "tree", "nodes", id, "connections", outcome),
					"journey %q: outcome %q of node %s leads to %s, which is not a node of the journey", t.Name, outcome, n.Label(), target)
			}
		}
	}
	return nil
}

func (t *Tree) has(id string) bool {
	if id == SuccessNodeID || id == FailureNodeID {
		return true
	}
	_, ok := t.Nodes[id]
	return ok
}

// Check verifies what walking tree needs from the export: that the scripts
// of its Scripted Decision nodes (in pages too) are there, decode, and are
// next-generation scripts, and that its inner trees are in the export; inner
// trees are checked the same way.
func (x *Export) Check(tree string) error { return x.check(tree, nil) }

// check is Check, leaving out the nodes skip reports (those the answers
// file decides).
func (x *Export) check(tree string, skip func(*Node) bool) error {
	seen := map[string]bool{}
	var check func(name string) error
	check = func(name string) error {
		if seen[name] {
			return nil
		}
		seen[name] = true
		t := x.Trees[name]
		for _, id := range slices.Sorted(maps.Keys(t.Nodes)) {
			n := t.Nodes[id]
			nodes := []*Node{n}
			if n.Type == TypePage {
				nodes = append(nodes, t.pageChildren(n)...)
			}
			for _, n := range nodes {
				if skip != nil && skip(n) {
					continue
				}
				switch n.Type {
				case TypeScriptedDecision:
					if _, err := x.scriptOf(t, n, runtime.ScriptedDecision); err != nil {
						return err
					}
				case TypeVerifyCompletion:
					if verifyUsesScript(n) {
						if _, err := x.scriptOf(t, n, runtime.VerifyCompletion); err != nil {
							return err
						}
					}
				case TypeInnerTree:
					inner, _ := n.Config["tree"].(string)
					if _, ok := x.Trees[inner]; !ok {
						return x.errAt(under(t.at, "nodes", n.ID),
							"node %s runs journey %q, which is not in the export (export it with its inner journeys)", n.Label(), inner)
					}
					if err := check(inner); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	if _, ok := x.Trees[tree]; !ok {
		return &Error{Path: x.Path, Msg: fmt.Sprintf("no journey %q in the export (it holds %s)", tree, strings.Join(x.TreeNames(), ", "))}
	}
	return check(tree)
}

// scriptOf returns the next-generation script a node runs (the script
// setting of a Scripted Decision node or of a PingOne Verify Completion
// Decision node); the script must be of context want, or say no context.
func (x *Export) scriptOf(t *Tree, n *Node, want *runtime.Context) (*Script, error) {
	id, _ := n.Config["script"].(string)
	at := under(t.at, "nodes", n.ID)
	if _, inner := t.InnerNodes[n.ID]; inner {
		at = under(t.at, "innerNodes", n.ID)
	}
	if id == "" {
		return nil, x.errAt(at, "node %s names no script", n.Label())
	}
	s, ok := x.Scripts[id]
	if !ok {
		return nil, x.errAt(append(at, "script"), "node %s runs script %s, which is not in the export's scripts", n.Label(), id)
	}
	if c := s.RunContext(); c != nil && c != want {
		return nil, x.errAt(append(at, "script"),
			"node %s runs script %q (%s), which is %s (context %s); a %s node runs %s (context %s)",
			n.Label(), s.Name, s.ID, contextLabel(c), s.Context, n.Type, contextLabel(want), contextID(want))
	}
	if s.Legacy() {
		return nil, x.errAt(append(s.at, "evaluatorVersion"),
			"script %q (%s) is a legacy script (evaluatorVersion 1.0): journeyjs runs next-generation scripts only; migrate it to evaluatorVersion 2.0", s.Name, s.ID)
	}
	if s.srcErr != nil {
		return nil, x.errAt(append(s.at, "script"), "script %q (%s): %v", s.Name, s.ID, s.srcErr)
	}
	return s, nil
}

// contextID is the context id AIC writes in exports for scripts of c.
func contextID(c *runtime.Context) string {
	if c == runtime.ScriptedDecision {
		return ContextDecisionNode
	}
	return c.ID
}

// pageChildren returns the nodes inside a page node, in page order.
func (t *Tree) pageChildren(page *Node) []*Node {
	list, _ := page.Config["nodes"].([]any)
	out := make([]*Node, 0, len(list))
	for _, item := range list {
		m, _ := item.(map[string]any)
		id, _ := m["_id"].(string)
		if id == "" {
			continue
		}
		c := &Node{ID: id, Config: t.InnerNodes[id]}
		c.Type, _ = m["nodeType"].(string)
		if c.Type == "" {
			c.Type = configType(c.Config)
		}
		c.DisplayName, _ = m["displayName"].(string)
		out = append(out, c)
	}
	return out
}

// Libraries returns the export's library scripts (context LIBRARY) by name.
func (x *Export) Libraries() map[string]string {
	out := map[string]string{}
	for _, s := range x.Scripts {
		if s.Context == ContextLibrary && s.srcErr == nil && !s.Legacy() {
			out[s.Name] = s.Source
		}
	}
	return out
}

// TreeNames lists the journeys in the export, sorted.
func (x *Export) TreeNames() []string { return slices.Sorted(maps.Keys(x.Trees)) }

// DefaultTree picks the journey to walk when none is named: the only one,
// the one meta.treesSelectedForExport names, or the only one no other
// journey of the export runs as an inner journey.
func (x *Export) DefaultTree() (string, error) {
	names := x.TreeNames()
	if len(names) == 1 {
		return names[0], nil
	}
	if sel, ok := x.Meta["treesSelectedForExport"].([]any); ok && len(sel) == 1 {
		if s, _ := sel[0].(string); x.Trees[s] != nil {
			return s, nil
		}
	}
	inner := map[string]bool{}
	for _, t := range x.Trees {
		for _, n := range t.Nodes {
			if n.Type == TypeInnerTree {
				if s, _ := n.Config["tree"].(string); s != "" && s != t.Name {
					inner[s] = true
				}
			}
		}
	}
	var roots []string
	for _, n := range names {
		if !inner[n] {
			roots = append(roots, n)
		}
	}
	if len(roots) == 1 {
		return roots[0], nil
	}
	return "", &Error{Path: x.Path, Msg: fmt.Sprintf("the export holds several journeys (%s): choose one with --tree", strings.Join(names, ", "))}
}

// scriptSource decodes a script's text: an array of lines, a JSON string
// literal, base64, a file:// reference, or plain text.
func (x *Export) scriptSource(v any) (string, error) {
	switch s := v.(type) {
	case nil:
		return "", fmt.Errorf("the script has no text")
	case []any:
		lines := make([]string, len(s))
		for i, l := range s {
			str, ok := l.(string)
			if !ok {
				return "", fmt.Errorf("line %d of the script is %s, not a string", i+1, jsonKind(l))
			}
			lines[i] = str
		}
		return strings.Join(lines, "\n"), nil
	case string:
		if rest, ok := strings.CutPrefix(s, "file://"); ok {
			p := rest
			if !filepath.IsAbs(p) {
				p = filepath.Join(filepath.Dir(x.Path), p)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return "", fmt.Errorf("cannot read %s: %v", p, unwrapPath(err))
			}
			return string(b), nil
		}
		t := strings.TrimSpace(s)
		if len(t) >= 2 && t[0] == '"' && t[len(t)-1] == '"' {
			var inner string
			if json.Unmarshal([]byte(t), &inner) == nil {
				return inner, nil
			}
		}
		if src, ok := decodeBase64(t); ok {
			return src, nil
		}
		return s, nil
	}
	return "", fmt.Errorf("the script text is %s, not a string or an array of lines", jsonKind(v))
}

// decodeBase64 decodes s when it is plainly base64 (only base64 characters,
// padded, decoding to UTF-8 text). JavaScript source is never mistaken for
// it: it has spaces, brackets or semicolons.
func decodeBase64(s string) (string, bool) {
	compact := strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
	if compact == "" || len(compact)%4 != 0 {
		return "", false
	}
	for _, c := range compact {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/' || c == '=') {
			return "", false
		}
	}
	b, err := base64.StdEncoding.DecodeString(compact)
	if err != nil || !utf8.Valid(b) || strings.ContainsRune(string(b), 0) {
		return "", false
	}
	return string(b), true
}

func configType(cfg map[string]any) string {
	t, _ := cfg["_type"].(map[string]any)
	s, _ := t["_id"].(string)
	return s
}

func (x *Export) errAt(at []string, format string, args ...any) *Error {
	e := &Error{Path: x.Path, Msg: fmt.Sprintf(format, args...)}
	for k := len(at); k > 0 && e.Line == 0; k-- {
		e.Line, e.Column = locate(x.data, at[:k]...)
	}
	return e
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case float64:
		return "a number"
	}
	return fmt.Sprintf("%T", v)
}

func orEmpty(v any) any {
	if v == nil {
		return ""
	}
	return v
}

func quoteOr(s, alt string) string {
	if s == "" {
		return alt
	}
	return fmt.Sprintf("%q", s)
}

// under is the location at followed by keys, in a new slice whose capacity is
// its length, so appending to either later copies instead of writing into an
// array that locations stored in the Export share.
func under(at []string, keys ...string) []string { return slices.Clip(slices.Concat(at, keys)) }
