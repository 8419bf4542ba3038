//go:build cgo && zconsolesim

package wtolog_test

import (
	"log/slog"
	"strconv"
	"strings"
	"testing"
	"testing/slogtest"

	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/go-zos/zconsole/zconsole/wtolog"
	"github.com/stretchr/testify/require"
)

// The standard library's conformance suite for handlers, each record read back from the
// simulated console: its time the time the system stamped it with (none for a message
// without a time stamp: the zero-time case), its level the message id's type letter,
// its message and attributes the text. No case is skipped.
func TestSlogtest(t *testing.T) {
	var h *wtolog.Handler
	slogtest.Run(t, func(t *testing.T) slog.Handler {
		fresh(t)
		h = open(t, &wtolog.Options{Level: slog.LevelInfo, PerID: wtolog.NoLimit, Total: wtolog.NoLimit})
		return h
	}, func(t *testing.T) map[string]any {
		flush(t, h)
		w := console(t)
		require.Len(t, w, 1, "one record, one WTO")
		return readBack(t, w[0])
	})
}

// readBack reads a message wtolog wrote back into a record, as slogtest wants it.
func readBack(t *testing.T, m sim.Message) map[string]any {
	t.Helper()
	require.Len(t, m.Lines, 1, "a record of slogtest's is one line")
	id, text, _ := strings.Cut(m.Text, " ")
	levels := map[byte]slog.Level{'I': slog.LevelInfo, 'W': slog.LevelWarn, 'E': slog.LevelError, 'A': wtolog.LevelAction}
	level, ok := levels[id[len(id)-1]]
	require.True(t, ok, "message id %q", id)
	rec := map[string]any{slog.LevelKey: level}
	if !m.Time.IsZero() {
		rec[slog.TimeKey] = m.Time
	}
	var msg []string
	for _, f := range fields(t, text) {
		key, value, isAttr := cutOutsideQuotes(f)
		if !isAttr {
			msg = append(msg, f)
			continue
		}
		path := strings.Split(unquote(t, key), ".")
		group := rec
		for _, g := range path[:len(path)-1] {
			sub, ok := group[g].(map[string]any)
			if !ok {
				sub = map[string]any{}
				group[g] = sub
			}
			group = sub
		}
		group[path[len(path)-1]] = unquote(t, value)
	}
	rec[slog.MessageKey] = strings.Join(msg, " ")
	return rec
}

// fields splits text at blanks outside quotes.
func fields(t *testing.T, text string) []string {
	var out []string
	var cur strings.Builder
	quoted, escaped := false, false
	for _, r := range text {
		switch {
		case escaped:
			escaped = false
		case quoted && r == '\\':
			escaped = true
		case r == '"':
			quoted = !quoted
		case r == ' ' && !quoted:
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
			continue
		}
		cur.WriteRune(r)
	}
	require.False(t, quoted, "a quote not closed in %q", text)
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// cutOutsideQuotes cuts key=value at its first '=' outside quotes.
func cutOutsideQuotes(f string) (key, value string, ok bool) {
	quoted := false
	for i := 0; i < len(f); i++ {
		switch {
		case f[i] == '\\' && quoted:
			i++
		case f[i] == '"':
			quoted = !quoted
		case f[i] == '=' && !quoted:
			return f[:i], f[i+1:], true
		}
	}
	return "", "", false
}

func unquote(t *testing.T, s string) string {
	if !strings.HasPrefix(s, `"`) {
		return s
	}
	u, err := strconv.Unquote(s)
	require.NoError(t, err, "%s", s)
	return u
}
