package logger_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/rs/zerolog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/journeyjs/journeyjs/bindings"
	"github.com/journeyjs/journeyjs/bindings/bindingtest"
	"github.com/journeyjs/journeyjs/bindings/logger"
)

func TestLinesReachTheSinkAndTheOutput(t *testing.T) {
	var buf bytes.Buffer
	sink := zerolog.New(&buf)
	r := bindingtest.New(t, logger.Binding).Begin(bindings.NewBackends(logger.SinkKey.Value(&sink), logger.LevelKey.Value(logger.Info)))
	r.MustRun(`logger.debug("hidden"); logger.info("user {} has {} tries", "bjensen", 3); logger.error("e")`)
	out := r.End()

	logs := logger.Logs.Get(out)
	require.Len(t, logs, 2)
	assert.Equal(t, "user bjensen has 3 tries", logs[0].Message)
	assert.Equal(t, logger.Error, logs[1].Level)
	assert.Equal(t, "scripts.AUTHENTICATION_TREE_DECISION_NODE.00000000-0000-0000-0000-000000000000.(test.js)", logs[0].Logger)

	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	require.Len(t, lines, 2)
	var first map[string]any
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &first))
	assert.Equal(t, "info", first["level"])
}

func TestLevelChecksFollowTheRunsLevel(t *testing.T) {
	r := bindingtest.New(t, logger.Binding).Begin(bindings.NewBackends(logger.LevelKey.Value(logger.Warn)))
	v := r.MustRun(`[logger.isDebugEnabled(), logger.isInfoEnabled(), logger.isWarnEnabled(), logger.isErrorEnabled()].join()`)
	assert.Equal(t, "false,false,true,true", v.String())
	r.End()

	// Unset, every level is kept.
	r.Begin(bindings.Backends{})
	assert.Equal(t, "true", r.MustRun(`String(logger.isTraceEnabled())`).String())
	r.MustRun(`logger.trace("t")`)
	assert.Len(t, logger.Logs.Get(r.End()), 1)
}

func TestARunWithoutLinesHasTheEmptyDefault(t *testing.T) {
	r := bindingtest.New(t, logger.Binding).Begin(bindings.Backends{})
	out := r.End()
	_, set := logger.Logs.Lookup(out)
	assert.False(t, set)
	assert.Equal(t, []logger.Record{}, logger.Logs.Get(out))
}
