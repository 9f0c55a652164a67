package runtime

import "github.com/google/uuid"

// Script is a decision script to run.
type Script struct {
	// Name names the script in errors, stack traces and the logger name; a
	// file name is a good choice.
	Name string
	// ID is the script's identifier in the tenant (a UUID). When empty, a
	// stable UUID is derived from Name.
	ID string
	// Source is the JavaScript text.
	Source string
}

// ContextDecisionNode is the script context of scripted decision nodes; it
// appears in logger names.
const ContextDecisionNode = "AUTHENTICATION_TREE_DECISION_NODE"

var scriptNamespace = uuid.MustParse("6f1d9a3e-0c55-4a4b-9d2e-2b9d1f4c8a10")

// id is computed only when a logger name needs it: hashing on every run
// would cost more than a small script.
func (s Script) id() string {
	if s.ID != "" {
		return s.ID
	}
	return uuid.NewSHA1(scriptNamespace, []byte(s.Name)).String()
}

func (s Script) name() string {
	if s.Name == "" {
		return "script.js"
	}
	return s.Name
}
