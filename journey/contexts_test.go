package journey

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// oneNodeExport is a journey of one node of type nodeType with config, whose
// outcomes lead as conns says, and one script of context scriptContext.
func oneNodeExport(t *testing.T, nodeType string, config map[string]any, conns map[string]any, scriptContext, src string) *Export {
	return oneNodeExportIDs(t, "0", nodeType, config, conns, scriptContext, src)
}

// oneNodeExportIDs is oneNodeExport with ids ending in digit, so that two
// exports can be merged.
func oneNodeExportIDs(t *testing.T, digit, nodeType string, config map[string]any, conns map[string]any, scriptContext, src string) *Export {
	t.Helper()
	nodeID, scriptID := "c0ffee00-0000-4000-8000-00000000000"+digit, "c0ffee00-0000-4000-8000-0000000000a"+digit
	cfg := map[string]any{"_id": nodeID, "_type": map[string]any{"_id": nodeType}, "script": scriptID}
	for k, v := range config {
		cfg[k] = v
	}
	doc := map[string]any{"trees": map[string]any{"T": map[string]any{
		"nodes": map[string]any{nodeID: cfg},
		"scripts": map[string]any{scriptID: map[string]any{"_id": scriptID, "name": "node script", "context": scriptContext,
			"evaluatorVersion": "2.0", "language": "JAVASCRIPT", "script": src}},
		"tree": map[string]any{"_id": "T", "entryNodeId": nodeID, "nodes": map[string]any{
			nodeID: map[string]any{"displayName": "The node", "nodeType": nodeType, "connections": conns},
		}},
	}}}
	data, err := json.Marshal(doc)
	require.NoError(t, err)
	x, err := Parse("t.journey.json", data)
	require.NoError(t, err)
	return x
}

// A Device Match node runs its script in the device-match context
// (deviceProfilesDao is there, action picks the outcome).
func TestDeviceMatchNodeRunsItsScript(t *testing.T) {
	x := oneNodeExport(t, TypeDeviceMatch, nil, map[string]any{"true": SuccessNodeID, "false": FailureNodeID},
		"DEVICE_MATCH_NODE", `action.goTo(typeof deviceProfilesDao === "object" && typeof callbacksBuilder === "object" ? "true" : "false");`)
	res, err := Walk(context.Background(), x, Options{})
	require.NoError(t, err)
	assert.Equal(t, ResultSuccess, res.Result)
}

// A Configuration Provider node runs its script (context config-provider)
// and then the node it configures, here an inner tree evaluator whose tree
// the script chooses; a script that sets no config takes
// CONFIGURATION_FAILED.
func TestConfigProviderNodeConfiguresItsNode(t *testing.T) {
	conns := map[string]any{"true": SuccessNodeID, "false": FailureNodeID, ConfigurationFailed: FailureNodeID}
	x := oneNodeExport(t, TypeConfigProvider, map[string]any{"nodeType": TypeInnerTree}, conns,
		"CONFIG_PROVIDER_NODE_NEXT_GEN", `var config = {tree: "Inner"};`)
	// The inner tree: one scripted decision that succeeds.
	inner := oneNodeExportIDs(t, "1", TypeScriptedDecision, nil, map[string]any{"true": SuccessNodeID}, "SCRIPTED_DECISION_NODE", `action.goTo("true");`)
	x.Trees["Inner"] = inner.Trees["T"]
	for id, s := range inner.Scripts {
		x.Scripts[id] = s
	}
	res, err := Walk(context.Background(), x, Options{Tree: "T"})
	require.NoError(t, err)
	assert.Equal(t, ResultSuccess, res.Result)

	bad := oneNodeExport(t, TypeConfigProvider, map[string]any{"nodeType": TypeInnerTree}, conns,
		"CONFIG_PROVIDER_NODE_NEXT_GEN", `var notConfig = 1;`)
	res, err = Walk(context.Background(), bad, Options{})
	require.NoError(t, err)
	assert.Equal(t, ResultFailure, res.Result)
	require.NotEmpty(t, res.Path)
	assert.Contains(t, res.Path[0].Error, "did not set config to an object")
}
