package wtolog_test

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"testing"
	"time"

	"github.com/go-zos/zconsole/zconsole/wtolog"
	"github.com/stretchr/testify/assert"
)

// closeAtEnd closes h when the test ends. Its error is not the test's concern: in the
// build without a console every WTO fails, and says so there.
func closeAtEnd(t *testing.T, h *wtolog.Handler) *wtolog.Handler {
	t.Cleanup(func() { _ = h.Close() })
	return h
}

type ctxKey struct{}

// tagged is a handler that adds the context's ctxKey value to each record, so that the
// text shows which context reached it.
type tagged struct{ slog.Handler }

func (h tagged) Handle(ctx context.Context, r slog.Record) error {
	if v := ctx.Value(ctxKey{}); v != nil {
		r = r.Clone()
		r.AddAttrs(slog.Any("ctx", v))
	}
	return h.Handler.Handle(ctx, r)
}

func (h tagged) WithAttrs(as []slog.Attr) slog.Handler { return tagged{h.Handler.WithAttrs(as)} }
func (h tagged) WithGroup(name string) slog.Handler    { return tagged{h.Handler.WithGroup(name)} }

// logAll logs records of every level, with and without attributes, groups, an id and a
// context.
func logAll(l *slog.Logger) {
	ctx := context.WithValue(context.Background(), ctxKey{}, "mine")
	l.Debug("debug", "a", 1)
	l.Info("info", "msgid", "DMO010", "b", "two words")
	l2 := l.With("req", 7, "msgid", "DMO011").WithGroup("g")
	l2.Warn("warn", "c", slog.Group("h", "d", 4))
	l2.ErrorContext(ctx, "error", "e", errors.New("boom"))
	l.Log(ctx, wtolog.LevelAction, "act\nnow")
	l.WithGroup("").With().Info("same handler")
}

func noTime(_ []string, a slog.Attr) slog.Attr {
	if a.Key == slog.TimeKey {
		return slog.Attr{}
	}
	return a
}

// The next handler sees exactly what it would see without wtolog, whatever the two
// levels: the same records, attributes, groups and contexts.
func TestNextSeesWhatItWouldWithout(t *testing.T) {
	for _, c := range []struct{ console, next slog.Level }{
		{slog.LevelWarn, slog.LevelDebug},
		{slog.LevelWarn, slog.LevelInfo},
		{slog.LevelWarn, slog.LevelError},
		{slog.LevelInfo, wtolog.LevelAction},
		{wtolog.LevelAction + 1, slog.LevelDebug},
	} {
		var without, with bytes.Buffer
		opts := &slog.HandlerOptions{Level: c.next, ReplaceAttr: noTime}
		logAll(slog.New(tagged{slog.NewTextHandler(&without, opts)}))
		h := closeAtEnd(t, wtolog.NewHandler(&wtolog.Options{
			Level: c.console, Next: tagged{slog.NewTextHandler(&with, opts)},
			PerID: wtolog.NoLimit, Total: wtolog.NoLimit,
		}))
		logAll(slog.New(h))
		assert.NotEmpty(t, without.String())
		assert.Equal(t, without.String(), with.String(), "console %v, next %v", c.console, c.next)
	}
}

func TestEnabled(t *testing.T) {
	ctx := context.Background()
	h := closeAtEnd(t, wtolog.NewHandler(&wtolog.Options{Next: slog.NewTextHandler(&bytes.Buffer{}, &slog.HandlerOptions{Level: slog.LevelError})}))
	assert.False(t, h.Enabled(ctx, slog.LevelInfo), "below the console level and the next handler's")
	assert.True(t, h.Enabled(ctx, slog.LevelWarn), "the console level")
	assert.True(t, h.Enabled(ctx, slog.LevelError))

	h = closeAtEnd(t, wtolog.NewHandler(&wtolog.Options{Next: slog.NewTextHandler(&bytes.Buffer{}, &slog.HandlerOptions{Level: slog.LevelDebug})}))
	assert.True(t, h.Enabled(ctx, slog.LevelDebug), "for the next handler")

	var level slog.LevelVar
	level.Set(slog.LevelError)
	h = closeAtEnd(t, wtolog.NewHandler(&wtolog.Options{Level: &level}))
	assert.False(t, h.Enabled(ctx, slog.LevelWarn), "no next handler")
	level.Set(slog.LevelDebug)
	assert.True(t, h.Enabled(ctx, slog.LevelDebug), "the level changes while the program runs")
	assert.Same(t, h, h.WithGroup(""))
	assert.Same(t, h, h.WithAttrs(nil))
}

// Bad options are the program's own: NewHandler panics, naming the problem, and starts
// nothing.
func TestBadOptionsPanic(t *testing.T) {
	bad := []struct {
		o    wtolog.Options
		says string
	}{
		{wtolog.Options{Prefix: "DM0"}, "Prefix"},
		{wtolog.Options{Prefix: "TOOLONG"}, "Prefix"},
		{wtolog.Options{DefaultID: "1ABC"}, "DefaultID"},
		{wtolog.Options{SummaryID: "HAS BLANK"}, "SummaryID"},
		{wtolog.Options{Prefix: "ABCDE", DefaultID: "ABCDE12345"}, "DefaultID"},
		{wtolog.Options{Severities: []wtolog.Severity{}}, "Severities is empty"},
		{wtolog.Options{Severities: []wtolog.Severity{{Letter: 'w'}}}, "letter"},
		{wtolog.Options{Severities: []wtolog.Severity{{Letter: 'W', Routing: []int{0}}}}, "routing code 0"},
		{wtolog.Options{Severities: []wtolog.Severity{{Letter: 'W', Descriptor: []int{3, 11}}}}, "descriptor codes"},
		{wtolog.Options{Severities: []wtolog.Severity{{Letter: 'W'}, {Letter: 'E'}}}, "two severities"},
		{wtolog.Options{PerID: wtolog.Limit{Burst: 5}}, "PerID"},
		{wtolog.Options{Total: wtolog.Limit{Every: time.Second}}, "Total"},
		{wtolog.Options{QueueSize: -1}, "QueueSize"},
		{wtolog.Options{SummaryEvery: -time.Second}, "SummaryEvery"},
	}
	for i, c := range bad {
		func() {
			defer func() {
				r := recover()
				s, _ := r.(string)
				assert.Contains(t, s, c.says, "#%d", i)
				assert.Contains(t, s, "wtolog: ", "#%d", i)
			}()
			wtolog.NewHandler(&c.o)
			t.Errorf("#%d: no panic", i)
		}()
	}
}
