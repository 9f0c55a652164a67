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
	"github.com/journeyjs/journeyjs/bindings/rhinoerr"
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

func TestGetNameIsTheScriptsLoggerName(t *testing.T) {
	r := bindingtest.New(t, logger.Binding).Begin(bindings.Backends{})
	v := r.MustRun(`logger.getName()`)
	assert.Equal(t, "scripts.AUTHENTICATION_TREE_DECISION_NODE.00000000-0000-0000-0000-000000000000.(test.js)", v.String())
	r.End()
}

// A Java throwable as the last argument is logged apart and never fills a
// placeholder; a JavaScript Error is an ordinary argument. An array after
// the format is the argument list.
func TestThrowablesAndArgumentArrays(t *testing.T) {
	var buf bytes.Buffer
	sink := zerolog.New(&buf)
	r := bindingtest.New(t, logger.Binding).Begin(bindings.NewBackends(logger.SinkKey.Value(&sink)))
	exc := &rhinoerr.Exception{Class: "org.forgerock.json.resource.NotFoundException", Message: "gone"}
	require.NoError(t, r.RT.Set("javaException", exc.Object(r.RT)))
	r.MustRun(`logger.error("read {} failed: {}", "u1", javaException);
		logger.warn("js error {}", new Error("boom"));
		logger.info("{} and {}", ["a", "b"]);
		logger.info("only {}", javaException)`)
	logs := logger.Logs.Get(r.End())
	require.Len(t, logs, 4)
	assert.Equal(t, logger.Record{Level: logger.Error, Logger: logs[0].Logger, Message: "read u1 failed: {}",
		Exception: "org.forgerock.json.resource.NotFoundException: gone"}, logs[0])
	assert.Equal(t, "js error Error: boom", logs[1].Message)
	assert.Empty(t, logs[1].Exception)
	assert.Equal(t, "a and b", logs[2].Message)
	assert.Equal(t, "only {}", logs[3].Message)
	assert.Equal(t, "org.forgerock.json.resource.NotFoundException: gone", logs[3].Exception)
	first := strings.SplitN(buf.String(), "\n", 2)[0]
	assert.Contains(t, first, `"exception":"org.forgerock.json.resource.NotFoundException: gone"`)
}
