//go:build cgo && zconsolesim

package wtolog_test

import (
	"context"
	"log/slog"
	"testing"

	"github.com/go-zos/zconsole/zconsole/wtolog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Each way of giving a message id, and each level's type letter, as the console shows
// them.
func TestMessageIDsAndLetters(t *testing.T) {
	fresh(t)
	h := open(t, &wtolog.Options{
		Level:  slog.LevelDebug,
		Prefix: "DMO",
		MessageID: func(_ context.Context, r slog.Record) string {
			if r.Message == "by function" {
				return "FUN001"
			}
			return ""
		},
	})
	log := slog.New(h)
	log.Info("started", "msgid", "DMO001")
	log.Warn("queue deep", "msgid", "dmo010i", "depth", 5000)
	log.Error("queue full", "msgid", 11)
	log.Log(context.Background(), wtolog.LevelAction, "mount the tape", "msgid", "DMO012")
	log.With("msgid", "DMO020").Warn("from With", "k", "v")
	log.With("msgid", "DMO020").Warn("the record's own wins", "msgid", "DMO021")
	log.Warn("DMO030 from the message")
	log.Warn("DMO031E letter replaced")
	log.Warn("by function")
	log.Warn("no id")
	log.Warn("not an id", "msgid", "NOT AN ID")
	log.Debug("debug")
	log.Log(context.Background(), slog.LevelError+2, "between error and action")
	flush(t, h)
	assert.Equal(t, []string{
		"DMO001I started",
		"DMO010W queue deep depth=5000",
		"DMO011E queue full",
		"DMO012A mount the tape",
		"DMO020W from With k=v",
		"DMO021W the record's own wins",
		"DMO030W from the message",
		"DMO031W letter replaced",
		"FUN001W by function",
		"DMO000W no id",
		`DMO000W not an id msgid="NOT AN ID"`,
		"DMO000I debug",
		"DMO000E between error and action",
	}, texts(console(t)))
}

func TestDefaultIDWithoutPrefix(t *testing.T) {
	fresh(t)
	h := open(t, nil)
	log := slog.New(h)
	log.Info("below the console level: not written")
	log.Warn("disk filling", "pct", 91)
	log.Warn("numbered", "msgid", 7) // a number needs a prefix: not an id
	flush(t, h)
	assert.Equal(t, []string{"SLOG000W disk filling pct=91", "SLOG000W numbered msgid=7"}, texts(console(t)))
	assert.Equal(t, wtolog.Stats{Written: 2, WTOs: 2}, h.Stats())
}

// The default routing and descriptor codes of each level, as the system took them.
func TestDefaultCodes(t *testing.T) {
	fresh(t)
	h := open(t, &wtolog.Options{Level: slog.LevelInfo, Prefix: "DMO"})
	log := slog.New(h)
	log.Info("info")
	log.Warn("warn")
	log.Error("error")
	log.Log(context.Background(), wtolog.LevelAction, "action")
	flush(t, h)
	w := console(t)
	require.Len(t, w, 4)
	for i, want := range []struct {
		text       string
		routing    []int
		descriptor []int
	}{
		{"DMO000I info", []int{2, 11}, []int{6}},
		{"DMO000W warn", []int{2, 11}, []int{12}},
		{"DMO000E error", []int{2, 11}, []int{3}},
		{"DMO000A action", []int{1, 11}, []int{11}},
	} {
		assert.Equal(t, want.text, w[i].Text)
		assert.Equal(t, want.routing, w[i].Routing, want.text)
		assert.Equal(t, want.descriptor, w[i].Descriptor, want.text)
		assert.Equal(t, "DEMO", w[i].Job)
		assert.False(t, w[i].ToConsole || w[i].Response, want.text)
	}
}

// Severities of the program's own: its letters (D for a level it defines), its codes,
// none at all; the system's rules still apply (a problem program's descriptor 2 is 7).
func TestOwnSeverities(t *testing.T) {
	fresh(t)
	const levelDecision = slog.Level(16)
	h := open(t, &wtolog.Options{
		Level:  slog.LevelInfo,
		Prefix: "DMO",
		Severities: []wtolog.Severity{
			{Level: slog.LevelInfo, Letter: 'I'},
			{Level: slog.LevelWarn, Letter: 'E', Routing: []int{2}, Descriptor: []int{11}},
			{Level: levelDecision, Letter: 'D', Routing: []int{1}, Descriptor: []int{2}},
		},
	})
	log := slog.New(h)
	log.Info("no codes")
	log.Warn("a warning, shown as eventual action")
	log.Error("an error: the warning's severity")
	log.Log(context.Background(), levelDecision, "decide")
	flush(t, h)
	w := console(t)
	require.Len(t, w, 4)
	assert.Equal(t, "DMO000I no codes", w[0].Text)
	assert.Empty(t, w[0].Routing)
	assert.Equal(t, []int{7}, w[0].Descriptor, "z/OS's descriptor for a problem program's WTO without codes")
	assert.Equal(t, "DMO000E a warning, shown as eventual action", w[1].Text)
	assert.Equal(t, []int{2}, w[1].Routing)
	assert.Equal(t, []int{11}, w[1].Descriptor)
	assert.Equal(t, "DMO000E an error: the warning's severity", w[2].Text)
	assert.Equal(t, "DMO000D decide", w[3].Text)
	assert.Equal(t, []int{1}, w[3].Routing)
	assert.Equal(t, []int{7}, w[3].Descriptor, "descriptor 2 from a problem program: 7")
}
