package journey

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/journeyjs/journeyjs/bindings/callbacks"
	"github.com/journeyjs/journeyjs/bindings/jsvalue"
	"github.com/journeyjs/journeyjs/fixtures"
)

// Answers stand in for the person at the browser and for the nodes the walker
// does not simulate. An answers file is YAML (or JSON):
//
//	username: bjensen            # what username collectors receive
//	password: Ch4ng3it!          # what password collectors receive
//	nodes:                       # node id or display name → answer
//	  "Push Sender":
//	    outcome: SENT            # the outcome the node takes
//	    state: {pushSent: true}  # merged into shared state
//	    transientState: {}       # merged into transient state
//	  "Ask Name":                # a Scripted Decision node that sends callbacks
//	    replies:                 # one reply per round trip, in order, across
//	      - [bjensen, 0]         # every visit of the node (callbacks.Reply:
//	      - {IDToken1: "s3cret"} # values in order, or a map by input name)
type Answers struct {
	// Path is the file the answers came from.
	Path string `yaml:"-"`

	Username *string               `yaml:"username"`
	Password *string               `yaml:"password"`
	Nodes    map[string]NodeAnswer `yaml:"nodes"`

	lines map[string]int // nodes key → line
}

// NodeAnswer is what one node does instead of being simulated or run.
type NodeAnswer struct {
	// Outcome, when set, is the outcome the node takes; the node is then not
	// simulated and its script, if any, is not run.
	Outcome string `yaml:"outcome"`
	// State is merged (key by key) into shared state.
	State map[string]any `yaml:"state"`
	// TransientState is merged into transient state.
	TransientState map[string]any `yaml:"transientState"`
	// Replies answer the callbacks the node's script sends, one per round
	// trip, in order across all the node's visits. After a suspension, any
	// reply ([]) resumes.
	Replies callbacks.Replies `yaml:"replies"`
}

// LoadAnswers reads an answers file; unknown keys are errors naming the file
// and line.
func LoadAnswers(path string) (*Answers, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: fmt.Sprintf("cannot read answers: %v", unwrapPath(err))}
	}
	return ParseAnswers(path, data)
}

// ParseAnswers decodes answers from data; path names the file in errors.
func ParseAnswers(path string, data []byte) (*Answers, error) {
	a := &Answers{}
	if err := fixtures.DecodeStrict(path, data, a); err != nil {
		return nil, err
	}
	a.Path = path
	for k, n := range a.Nodes {
		n.State = jsvalue.NormalizeMap(n.State)
		n.TransientState = jsvalue.NormalizeMap(n.TransientState)
		a.Nodes[k] = n
	}
	// Remember where each node answer is, for Check's messages.
	a.lines = map[string]int{}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) == nil && len(doc.Content) == 1 {
		root := doc.Content[0]
		for i := 0; i+1 < len(root.Content); i += 2 {
			if root.Content[i].Value != "nodes" {
				continue
			}
			m := root.Content[i+1]
			for j := 0; j+1 < len(m.Content); j += 2 {
				a.lines[m.Content[j].Value] = m.Content[j].Line
			}
		}
	}
	return a, nil
}

// For returns the answer for a node, by id first, then by display name; nil
// when there is none.
func (a *Answers) For(n *Node) *NodeAnswer {
	if a == nil {
		return nil
	}
	if ans, ok := a.Nodes[n.ID]; ok {
		return &ans
	}
	if n.DisplayName != "" {
		if ans, ok := a.Nodes[n.DisplayName]; ok {
			return &ans
		}
	}
	return nil
}

// Check verifies that every node answer names a node of the export (by id or
// display name, in any journey, pages included), so a misspelt name is not
// silently ignored.
func (a *Answers) Check(x *Export) error {
	if a == nil || len(a.Nodes) == 0 {
		return nil
	}
	known := map[string]bool{}
	for _, t := range x.Trees {
		for _, n := range t.Nodes {
			known[n.ID], known[n.DisplayName] = true, true
			if n.Type == TypePage {
				for _, c := range t.pageChildren(n) {
					known[c.ID], known[c.DisplayName] = true, true
				}
			}
		}
	}
	var unknown []string
	for k := range a.Nodes {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	sort.Slice(unknown, func(i, j int) bool { return a.lines[unknown[i]] < a.lines[unknown[j]] })
	msg := fmt.Sprintf("nodes: no node of %s has the id or display name %q", x.Path, unknown[0])
	if len(unknown) > 1 {
		msg += fmt.Sprintf(" (nor %s)", strings.Join(quoteAll(unknown[1:]), ", "))
	}
	return &Error{Path: a.Path, Line: a.lines[unknown[0]], Msg: msg}
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
