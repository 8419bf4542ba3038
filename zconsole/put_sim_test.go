//go:build cgo && zconsolesim

package zconsole_test

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// written returns the log's messages the program wrote.
func written(t *testing.T) []sim.Message {
	t.Helper()
	var out []sim.Message
	for _, m := range sim.Log() {
		if m.Kind == sim.KindWTO {
			out = append(out, m)
		}
	}
	return out
}

// one returns the only message the program wrote.
func one(t *testing.T) sim.Message {
	t.Helper()
	w := written(t)
	require.Len(t, w, 1, "messages written: %v", w)
	return w[0]
}

func TestPutSingleLineWithCodes(t *testing.T) {
	fresh(t)
	id, err := zconsole.Put("DEMO001I HELLO, OPERATOR", zconsole.Routing(2, 11), zconsole.Descriptor(12))
	require.NoError(t, err)
	m := one(t)
	assert.Equal(t, "DEMO001I HELLO, OPERATOR", m.Text)
	assert.Equal(t, []string{"DEMO001I HELLO, OPERATOR"}, m.Lines)
	assert.Equal(t, "DEMO", m.Job)
	assert.Equal(t, uint32(id), m.MsgID)
	assert.NotZero(t, id)
	assert.Equal(t, []int{2, 11}, m.Routing)
	assert.Equal(t, []int{12}, m.Descriptor)
	assert.False(t, m.WTOR || m.Deleted || m.ToConsole || m.Response)
	assert.Equal(t, uint64(1), sim.Stats().SVCs[sim.SVCWTO])
}

// The system's rules for a problem program: descriptor 1 or 2 becomes 7, and so does
// a single-line WTO with no codes at all.
func TestPutProblemProgramDescriptors(t *testing.T) {
	fresh(t)
	_, err := zconsole.Put("URGENT", zconsole.Descriptor(2), zconsole.Routing(1))
	require.NoError(t, err)
	_, err = zconsole.Put("PLAIN")
	require.NoError(t, err)
	_, err = zconsole.Put("OUT OF LINE", zconsole.Descriptor(1, 8))
	require.NoError(t, err)
	w := written(t)
	require.Len(t, w, 3)
	assert.Equal(t, []int{7}, w[0].Descriptor)
	assert.Equal(t, []int{1}, w[0].Routing)
	assert.Equal(t, []int{7}, w[1].Descriptor)
	assert.Empty(t, w[1].Routing)
	assert.Equal(t, []int{7, 8}, w[2].Descriptor)
}

func TestPutInvalidCodesRejected(t *testing.T) {
	fresh(t)
	for _, opt := range []zconsole.PutOption{
		zconsole.Routing(0), zconsole.Routing(129), zconsole.Descriptor(14),
		zconsole.Descriptor(3, 4), zconsole.Descriptor(9),
	} {
		id, err := zconsole.Put("X", opt)
		assert.ErrorIs(t, err, zconsole.ErrInvalidCode)
		assert.Zero(t, id)
	}
	assert.Zero(t, sim.Stats().SVCs[sim.SVCWTO], "nothing was written")
	assert.Empty(t, written(t))
}

func TestPutMultiLine(t *testing.T) {
	fresh(t)
	text := "DEMO010I QUEUE REPORT\n" + strings.Repeat("QUEUE.NAME.WITH.A.LONG.NAME DEPTH 42 ", 4) + "\nEND"
	_, err := zconsole.Put(text, zconsole.Routing(11), zconsole.Descriptor(6))
	require.NoError(t, err)
	m := one(t)
	require.Len(t, m.Lines, 5)
	assert.Equal(t, "DEMO010I QUEUE REPORT", m.Lines[0])
	assert.Equal(t, "END", m.Lines[4])
	for i, l := range m.Lines {
		assert.LessOrEqual(t, len(l), 71, "line %d", i)
	}
	// Broken at blanks: every word whole, in order.
	assert.Equal(t, strings.Fields(text), strings.Fields(strings.Join(m.Lines, " ")))
	assert.Equal(t, strings.Join(m.Lines, "\n"), m.Text)
	assert.Equal(t, []int{6}, m.Descriptor, "a multi-line WTO keeps its codes")
}

func TestPutMultiLineLimits(t *testing.T) {
	fresh(t)
	_, err := zconsole.Put(strings.Repeat("L\n", 10))
	require.NoError(t, err, "ten lines")
	_, err = zconsole.Put(strings.Repeat("L\n", 11))
	assert.ErrorIs(t, err, zconsole.ErrTooLong)
	assert.Contains(t, err.Error(), "11 lines")
	_, err = zconsole.Put(strings.Repeat("X", 711))
	assert.ErrorIs(t, err, zconsole.ErrTooLong, "ten full lines and a character")
	_, err = zconsole.Put("")
	assert.ErrorIs(t, err, zconsole.ErrNoText)
	w := written(t)
	require.Len(t, w, 1, "only the ten-line message was written")
	assert.Len(t, w[0].Lines, 10)
}

func TestPutUnencodableText(t *testing.T) {
	fresh(t)
	_, err := zconsole.Put("DEMO020I COST 5€ TODAY")
	var ce *zconsole.CharError
	require.True(t, errors.As(err, &ce), "%v", err)
	assert.ErrorIs(t, err, zconsole.ErrUnencodable)
	assert.Equal(t, '€', ce.Rune)
	assert.Equal(t, 15, ce.Pos)
	assert.Contains(t, err.Error(), "'€'")
	assert.Empty(t, written(t), "nothing written, no '?' put in")

	_, err = zconsole.Put("DEMO020I COST 5€ TODAY", zconsole.Substitute())
	require.NoError(t, err)
	assert.Equal(t, "DEMO020I COST 5? TODAY", one(t).Text)
}

func TestPutToConsoleWithCART(t *testing.T) {
	fresh(t)
	cart := sim.CARTOf("AUTO0042")
	_, err := zconsole.Put("DEMO030I FOR YOU", zconsole.ToConsole("mstcon"), zconsole.WithCART(cart))
	require.NoError(t, err)
	_, err = zconsole.Put("DEMO031I AND YOU", zconsole.ToConsoleID(0x01000005))
	require.NoError(t, err)
	w := written(t)
	require.Len(t, w, 2)
	assert.Equal(t, "MSTCON", w[0].Console)
	assert.Equal(t, cart, w[0].CART)
	assert.True(t, w[0].ToConsole)
	assert.Equal(t, uint32(0x01000005), w[1].ConsoleID)
	assert.True(t, w[1].CART.IsZero())
}

// NoTime: the system takes the message without a time stamp and logs it with no time;
// a message without it has the time the system took it, and a transcript shows the
// one without a time with blanks where the time would be.
func TestPutNoTime(t *testing.T) {
	fresh(t)
	before := time.Now()
	_, err := zconsole.Put("DEMO040I STAMPED")
	require.NoError(t, err)
	_, err = zconsole.Put("DEMO041I NOT STAMPED", zconsole.NoTime())
	require.NoError(t, err)
	_, err = zconsole.Put("DEMO042I NOT STAMPED\nON TWO LINES", zconsole.NoTime(), zconsole.Routing(2))
	require.NoError(t, err)
	w := written(t)
	require.Len(t, w, 3)
	assert.False(t, w[0].Time.Before(before.Truncate(time.Millisecond)), "stamped: %v", w[0].Time)
	assert.True(t, w[1].Time.IsZero(), "no time stamp: %v", w[1].Time)
	assert.True(t, w[2].Time.IsZero(), "no time stamp on a multi-line WTO: %v", w[2].Time)
	assert.Equal(t, []int{2}, w[2].Routing, "the other options still hold")
	lines := strings.Split(sim.Transcript(w), "\n")
	assert.Regexp(t, `^\d\d:\d\d:\d\d\.\d{3} DEMO     DEMO040I STAMPED$`, lines[0])
	assert.Equal(t, strings.Repeat(" ", 12)+" DEMO     DEMO041I NOT STAMPED", lines[1])
}

func TestDeleteRemovesMessage(t *testing.T) {
	fresh(t)
	keep, err := zconsole.Put("DEMO040I STAYS")
	require.NoError(t, err)
	gone, err := zconsole.Put("DEMO041A MOUNT THE TAPE", zconsole.Descriptor(3))
	require.NoError(t, err)
	require.NotEqual(t, keep, gone)
	require.NoError(t, zconsole.Delete(gone, 0))
	w := written(t)
	require.Len(t, w, 2)
	assert.False(t, w[0].Deleted)
	assert.True(t, w[1].Deleted)
	assert.Equal(t, uint64(1), sim.Stats().SVCs[sim.SVCDOM], "one DOM; the zero id was skipped")
	assert.NoError(t, zconsole.Delete(0xABCDEF), "an id that names no message is no error")
}

func TestPutAndDeleteFaults(t *testing.T) {
	fresh(t)
	sim.Inject(sim.Fault{SVC: sim.SVCWTO, RC: 4, Times: 1})
	_, err := zconsole.Put("LOST")
	se := serviceError(t, err)
	assert.Equal(t, "WTO", se.Op)
	assert.Equal(t, 35, se.SVC)
	assert.Equal(t, 4, se.RC)

	sim.FailStorage(1)
	_, err = zconsole.Put("NO ROOM")
	assert.ErrorIs(t, err, zconsole.ErrNoStorage)

	id, err := zconsole.Put("WORKS AGAIN")
	require.NoError(t, err)
	sim.Inject(sim.Fault{SVC: sim.SVCDOM, RC: 8, Times: 1})
	err = zconsole.Delete(id)
	se = serviceError(t, err)
	assert.Equal(t, "DOM", se.Op)
	assert.Equal(t, 87, se.SVC)
	assert.False(t, one(t).Deleted)
	require.NoError(t, zconsole.Delete(id))
	assert.True(t, one(t).Deleted)
}

// Many goroutines write at once: every message arrives once, with its own id.
func TestPutConcurrent(t *testing.T) {
	fresh(t)
	const writers, each = 8, 50
	var wg sync.WaitGroup
	ids := make(chan zconsole.MsgID, writers*each)
	for g := 0; g < writers; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				id, err := zconsole.Put(fmt.Sprintf("W%d N%d", g, i), zconsole.Routing(11))
				if !assert.NoError(t, err) {
					return
				}
				ids <- id
			}
		}(g)
	}
	wg.Wait()
	close(ids)
	seen := map[zconsole.MsgID]bool{}
	for id := range ids {
		assert.False(t, seen[id], "id %d twice", id)
		seen[id] = true
	}
	assert.Len(t, seen, writers*each)
	texts := map[string]bool{}
	for _, m := range written(t) {
		texts[m.Text] = true
		assert.True(t, seen[zconsole.MsgID(m.MsgID)])
	}
	assert.Len(t, texts, writers*each)
}
