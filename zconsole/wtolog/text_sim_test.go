//go:build cgo && zconsolesim

package wtolog_test

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/go-zos/zconsole/zconsole/wtolog"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkLines holds each message to the rule that only its first line begins with a
// word, the message id: every further line begins with a blank.
func checkLines(t *testing.T, ms []sim.Message, id string) {
	t.Helper()
	for _, m := range ms {
		require.True(t, strings.HasPrefix(m.Lines[0], id), "first line %q", m.Lines[0])
		for i, l := range m.Lines[1:] {
			assert.True(t, strings.HasPrefix(l, " "), "line %d of %q begins with a word", i+1, m.Text)
		}
	}
}

// A record too long for one line is a multi-line WTO, broken at blanks, every word
// kept; one too long for ten lines is several WTOs, part k of n.
func TestMultiLineRecords(t *testing.T) {
	fresh(t)
	h := open(t, &wtolog.Options{Prefix: "DMO", Total: wtolog.NoLimit})
	log := slog.New(h)
	queues := make([]any, 0, 24)
	for i := range 12 {
		queues = append(queues, fmt.Sprintf("q%02d", i), fmt.Sprintf("PAYROLL.QUEUE.%02d depth %d", i, 1000*i))
	}
	log.Warn("queue report", queues...)
	flush(t, h)
	w := console(t)
	require.Len(t, w, 1)
	checkLines(t, w, "DMO000W queue report q00=")
	assert.Greater(t, len(w[0].Lines), 3)
	for i, l := range w[0].Lines {
		assert.LessOrEqual(t, len(l), 71, "line %d", i)
	}
	var want strings.Builder
	want.WriteString("DMO000W queue report")
	for i := 0; i < len(queues); i += 2 {
		fmt.Fprintf(&want, " %s=%q", queues[i], queues[i+1])
	}
	assert.Equal(t, strings.Fields(want.String()), strings.Fields(strings.Join(w[0].Lines, " ")))
	assert.Equal(t, []int{12}, w[0].Descriptor, "a multi-line WTO keeps its codes")

	require.NoError(t, sim.Reset("DEMO"))
	long := strings.TrimSpace(strings.Repeat("lorem ipsum ", 200)) // 2,400 characters: 4 WTOs
	log.Error("trace", "stack", long)
	flush(t, h)
	w = console(t)
	require.Len(t, w, 4)
	checkLines(t, w, "DMO000E (")
	var words []string
	for k, m := range w {
		assert.True(t, strings.HasPrefix(m.Lines[0], fmt.Sprintf("DMO000E (%d/4) ", k+1)), "%q", m.Lines[0])
		assert.LessOrEqual(t, len(m.Lines), 10)
		words = append(words, strings.Fields(strings.Join(m.Lines, " "))[2:]...)
	}
	assert.Equal(t, strings.Fields(`trace stack="`+long+`"`), words, "nothing lost across the WTOs")
	assert.Equal(t, wtolog.Stats{Written: 2, WTOs: 5}, h.Stats())
}

// whole reads a record back from its WTOs on the simulated console: each must begin
// with id and, when there are several, "(k/n)"; it returns the record's text with its
// lines joined by sep (a line break at a blank drops the blank; one inside a word
// longer than a line does not).
func whole(t *testing.T, ms []sim.Message, id, sep string) string {
	t.Helper()
	checkLines(t, ms, id)
	var parts []string
	for k, m := range ms {
		head := id + " "
		if len(ms) > 1 {
			head = fmt.Sprintf("%s (%d/%d) ", id, k+1, len(ms))
		}
		require.True(t, strings.HasPrefix(m.Lines[0], head), "WTO %d begins %q", k+1, m.Lines[0])
		lines := append([]string{strings.TrimPrefix(m.Lines[0], head)}, m.Lines[1:]...)
		for i := 1; i < len(lines); i++ {
			lines[i] = strings.TrimPrefix(lines[i], " ")
		}
		parts = append(parts, strings.Join(lines, sep))
	}
	return strings.Join(parts, sep)
}

// A record is never cut: one of 5,000 characters, or one word as long, reaches the
// console whole, in as many WTOs as it takes, each beginning with the id and its part.
// It is one record to the counts, and nothing is summarized.
func TestLongRecordsArriveWhole(t *testing.T) {
	fresh(t)
	h := open(t, &wtolog.Options{Prefix: "DMO"})
	log := slog.New(h)
	var b strings.Builder
	for i := 0; b.Len() < 5000; i++ {
		fmt.Fprintf(&b, "frame%04d ", i)
	}
	words := strings.TrimSpace(b.String())
	log.Error(words, "msgid", "DMO020")
	word := strings.Repeat("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 139)[:5000]
	log.Warn(word, "msgid", "DMO021")
	require.NoError(t, h.Close())

	w := console(t)
	var first, second []sim.Message
	for _, m := range w {
		switch {
		case strings.HasPrefix(m.Text, "DMO020E"):
			first = append(first, m)
		case strings.HasPrefix(m.Text, "DMO021W"):
			second = append(second, m)
		default:
			t.Errorf("a message of neither record: %q", m.Text)
		}
	}
	require.Greater(t, len(first), 1, "5,000 characters take more than one WTO")
	require.Greater(t, len(second), 1)
	assert.Equal(t, strings.Fields(words), strings.Fields(whole(t, first, "DMO020E", " ")), "every word, in order")
	assert.Equal(t, word, whole(t, second, "DMO021W", ""), "the long word, every character")
	assert.Equal(t, wtolog.Stats{Written: 2, WTOs: uint64(len(w))}, h.Stats(),
		"two records written, none cut, suppressed or summarized")
}

// A value or message that holds a newline, from user input or an error, cannot make a
// console line that passes for a system message: the newline is written \n, and every
// line but a message's first begins with a blank, wherever the text is broken.
func TestNewlinesCannotForgeMessages(t *testing.T) {
	fresh(t)
	h := open(t, &wtolog.Options{Prefix: "DMO", PerID: wtolog.NoLimit, Total: wtolog.NoLimit, QueueSize: 1000})
	log := slog.New(h)
	const forged = "IEE342I MODIFY   REJECTED-TASK BUSY"
	log.Warn("command failed", "input", "x\n"+forged)
	log.Warn("done\n"+forged, "err", errors.New("read: \r\n"+forged))
	log.Warn("key", "k\n"+forged, "v")
	log.Warn("bell\a and\x00 nul and \u0085 NEL and \u2028 LS")
	for pad := range 80 { // the forged id at every column of a long record
		log.Warn("long", "input", strings.Repeat("x", pad)+" "+forged+" "+strings.Repeat("y ", 60))
	}
	flush(t, h)
	w := console(t)
	require.Len(t, w, 84)
	assert.Equal(t, `DMO000W command failed input="x\nIEE342I MODIFY   REJECTED-TASK BUSY"`, w[0].Text)
	assert.Equal(t, `DMO000W done\nIEE342I MODIFY   REJECTED-TASK BUSY err="read: \r\nIEE342I MODIFY   REJECTED-TASK BUSY"`, w[1].Text)
	assert.Equal(t, `DMO000W key "k\nIEE342I MODIFY   REJECTED-TASK BUSY"=v`, w[2].Text)
	assert.Equal(t, `DMO000W bell\a and\x00 nul and \u0085 NEL and \u2028 LS`, w[3].Text)
	checkLines(t, w, "DMO000W ")
	for _, m := range w {
		for _, l := range m.Lines {
			assert.False(t, strings.HasPrefix(strings.TrimLeft(l, " "), "IEE") && l == strings.TrimLeft(l, " "),
				"line %q passes for a system message", l)
		}
	}
	assert.Empty(t, sim.Grep(sim.Log(), "\n"+forged), "no line of the log begins with the forged id")
}

// The text is written in the consoles' code page: the characters whose codes differ
// show as written, and one the code page lacks becomes '?' without losing the record.
func TestCodePage(t *testing.T) {
	for _, c := range []struct {
		page zconsole.CodePage
		euro string
	}{
		{zconsole.IBM1047, "?"},
		{zconsole.IBM037, "?"},
		{zconsole.IBM1140, "€"},
	} {
		t.Run(c.page.String(), func(t *testing.T) {
			require.NoError(t, zconsole.SetCodePage(c.page))
			require.NoError(t, sim.SetCodePage(c.page))
			t.Cleanup(func() {
				require.NoError(t, zconsole.SetCodePage(zconsole.IBM1047))
				require.NoError(t, sim.SetCodePage(zconsole.IBM1047))
			})
			fresh(t)
			h := open(t, &wtolog.Options{Prefix: "DMO"})
			slog.New(h).Warn("brackets [1] ¬ ^ café", "price", "5€", "dash", "a—b")
			flush(t, h)
			assert.Equal(t, []string{"DMO000W brackets [1] ¬ ^ café price=5" + c.euro + " dash=a?b"}, texts(console(t)))
			assert.Equal(t, wtolog.Stats{Written: 1, WTOs: 1}, h.Stats(), "substituted, not failed")
		})
	}
}
