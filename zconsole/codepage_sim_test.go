//go:build cgo && zconsolesim

package zconsole_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/go-zos/zconsole/internal/zc"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/internal/mvs"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var codePages = []zconsole.CodePage{zconsole.IBM1047, zconsole.IBM037, zconsole.IBM1140}

// inCodePages runs the program in code page program and the simulated system's consoles
// in code page system until the test ends, and then sets both back to IBM-1047. Call it
// before fresh or started, which type the START command.
func inCodePages(t *testing.T, program, system zconsole.CodePage) {
	t.Helper()
	require.NoError(t, zconsole.SetCodePage(program))
	require.NoError(t, sim.SetCodePage(system))
	t.Cleanup(func() {
		require.NoError(t, zconsole.SetCodePage(zconsole.IBM1047))
		require.NoError(t, sim.SetCodePage(zconsole.IBM1047))
	})
}

// inEachCodePage runs test once in each code page, with the program and the simulated
// system in it.
func inEachCodePage(t *testing.T, test func(t *testing.T, p zconsole.CodePage)) {
	for _, p := range codePages {
		t.Run(p.String(), func(t *testing.T) {
			inCodePages(t, p, p)
			test(t, p)
		})
	}
}

// The characters whose codes differ between the code pages, typed at the console in
// START, MODIFY and a WTOR reply, reach the program as typed when program and system
// agree, in each code page.
func TestCodePageCommandsRoundTrip(t *testing.T) {
	inEachCodePage(t, func(t *testing.T, p zconsole.CodePage) {
		started(t, "'A[1]^¬'")
		h := open(t)
		cmd, err := zconsole.Wait(h)
		require.NoError(t, err)
		assert.Equal(t, zconsole.Start, cmd.Verb)
		assert.Equal(t, "'A[1]^¬'", cmd.Text, "START")

		op := sim.Console{Name: "OP@#$1", ID: 9, Auth: zconsole.AuthMaster}
		command(t, "f demo,x[2]¬^,'y[3]¬^'", sim.From(op))
		cmd, err = zconsole.Wait(h)
		require.NoError(t, err)
		assert.Equal(t, zconsole.Modify, cmd.Verb)
		assert.Equal(t, "X[2]¬^,'y[3]¬^'", cmd.Text, "MODIFY")
		assert.Equal(t, "OP@#$1", cmd.Console, "the national characters of a console name")

		ch := askAsync(context.Background(), h, "DEMO070A REPLY [X] ¬ ^")
		m := asked(t)
		command(t, fmt.Sprintf("R %02d,'[ok]¬^'", m.ReplyID))
		a := got(t, ch)
		require.NoError(t, a.err)
		assert.Equal(t, "[ok]¬^", a.text, "WTOR reply")
		assert.NotEmpty(t, sim.Grep(sim.Log(), "IS;[ok]¬^"), "the system's IEE600I shows the reply as typed")
	})
}

// The same characters written by the program in a WTO of one line and of several, and in
// a WTOR's question, show on the console as written, in each code page; on their way
// they are the bytes of that code page's table.
func TestCodePageMessagesRoundTrip(t *testing.T) {
	want := map[zconsole.CodePage][]byte{ // "[]¬^" in each table
		zconsole.IBM1047: {0xAD, 0xBD, 0xB0, 0x5F},
		zconsole.IBM037:  {0xBA, 0xBB, 0x5F, 0xB0},
		zconsole.IBM1140: {0xBA, 0xBB, 0x5F, 0xB0},
	}
	inEachCodePage(t, func(t *testing.T, p zconsole.CodePage) {
		fresh(t)
		h := open(t)
		_, err := zconsole.Put("[]¬^")
		require.NoError(t, err)
		multi := "DEMO071I [ONE] ¬A\nDEMO071I [TWO] ^B"
		_, err = zconsole.Put(multi)
		require.NoError(t, err)
		ctx, cancel := context.WithCancel(context.Background())
		ch := askAsync(ctx, h, "DEMO072A [Q] ¬ ^?")
		m := asked(t)
		assert.Equal(t, fmt.Sprintf("@%02d DEMO072A [Q] ¬ ^?", m.ReplyID), m.Text)
		cancel()
		assert.ErrorIs(t, got(t, ch).err, context.Canceled)

		w := written(t)
		require.Len(t, w, 3)
		assert.Equal(t, "[]¬^", w[0].Text)
		assert.Equal(t, []string{"DEMO071I [ONE] ¬A", "DEMO071I [TWO] ^B"}, w[1].Lines)

		assert.Equal(t, want[p], wtoLine(t, 0), "the bytes SVC 35 was given")
	})
}

// wtoLine returns the first line's bytes of the i'th message in the console log's
// records, as the simulated SVC 35 took them from the parameter list.
func wtoLine(t *testing.T, i int) []byte {
	t.Helper()
	for _, r := range mvs.Records(0) {
		if r.Kind != zc.SIM_LOG_WTO {
			continue
		}
		if i > 0 {
			i--
			continue
		}
		line := r.Data[zc.SIM_REC_HDR:] // sim_wto.c's record: header, then type, length, text
		require.Greater(t, len(line), zc.SIM_LINE_TEXT)
		n := int(line[zc.SIM_LINE_LEN])
		return line[zc.SIM_LINE_TEXT : zc.SIM_LINE_TEXT+n]
	}
	t.Fatal("no such message")
	return nil
}

// A program and a system that disagree garble exactly the characters whose codes
// differ, both ways: a program in IBM-1047 reads IBM-037's '[' (X'BA') as 'Ý', and the
// console reads the program's '[' (X'AD') as 'Ý'. Everything else arrives intact.
func TestCodePageMismatchGarbles(t *testing.T) {
	for _, pair := range [][2]zconsole.CodePage{{zconsole.IBM1047, zconsole.IBM037}, {zconsole.IBM1140, zconsole.IBM1047}} {
		program, system := pair[0], pair[1]
		t.Run(program.String()+" on "+system.String(), func(t *testing.T) {
			inCodePages(t, program, system)
			started(t, "'[1]'")
			h := open(t)
			cmd, err := zconsole.Wait(h)
			require.NoError(t, err)
			assert.Equal(t, "'Ý1¨'", cmd.Text, "START")

			command(t, "F DEMO,[A]¬^ OK")
			cmd, err = zconsole.Wait(h)
			require.NoError(t, err)
			assert.Equal(t, "ÝA¨^¬ OK", cmd.Text, "MODIFY")

			ch := askAsync(context.Background(), h, "DEMO073A [Q]")
			m := asked(t)
			assert.Equal(t, fmt.Sprintf("@%02d DEMO073A ÝQ¨", m.ReplyID), m.Text, "WTOR")
			command(t, fmt.Sprintf("R %02d,[R]", m.ReplyID))
			a := got(t, ch)
			require.NoError(t, a.err)
			assert.Equal(t, "ÝR¨", a.text, "reply")

			_, err = zconsole.Put("DEMO074I [A]¬^ OK")
			require.NoError(t, err)
			w := written(t)
			assert.Equal(t, "DEMO074I ÝA¨^¬ OK", w[len(w)-1].Text, "WTO")
		})
	}
}

// The euro sign is X'9F' in IBM-1140 only: there it goes both ways; in IBM-037 and
// IBM-1047 the program's Put refuses it naming the character and the code page (or
// writes '?', X'6F', with Substitute), and the console does not take it.
func TestCodePageEuro(t *testing.T) {
	inEachCodePage(t, func(t *testing.T, p zconsole.CodePage) {
		fresh(t)
		h := open(t)
		_, perr := zconsole.Put("DEMO075I 5€")
		cerr := sim.Command("F DEMO,5€")
		if p == zconsole.IBM1140 {
			require.NoError(t, perr)
			require.NoError(t, cerr)
			assert.Equal(t, "DEMO075I 5€", one(t).Text)
			assert.Equal(t, byte(0x9F), wtoLine(t, 0)[10])
			cmd, err := zconsole.Wait(h)
			require.NoError(t, err)
			assert.Equal(t, "5€", cmd.Text)
			_, err = zconsole.Put("DEMO076I 5¤")
			assert.ErrorIs(t, err, zconsole.ErrUnencodable, "IBM-1140 has no ¤")
			return
		}
		var ce *zconsole.CharError
		require.True(t, errors.As(perr, &ce), "%v", perr)
		assert.Equal(t, zconsole.CharError{Rune: '€', Pos: 10, CodePage: p}, *ce)
		assert.Contains(t, perr.Error(), "has no "+p.String()+" encoding")
		assert.ErrorIs(t, cerr, sim.ErrInvalid)

		_, err := zconsole.Put("DEMO075I 5€", zconsole.Substitute())
		require.NoError(t, err)
		assert.Equal(t, "DEMO075I 5?", one(t).Text)
		assert.Equal(t, byte(0x6F), wtoLine(t, 0)[10])
	})
}

// A command is decoded when Wait returns it, the START command too: a program that
// chooses its code page after Init still reads the START parameters in it.
func TestCodePageSetAfterInit(t *testing.T) {
	inCodePages(t, zconsole.IBM1047, zconsole.IBM037)
	started(t, "'[S]'")
	h := open(t)
	require.NoError(t, zconsole.SetCodePage(zconsole.IBM037))
	cmd, err := zconsole.Wait(h)
	require.NoError(t, err)
	assert.Equal(t, "'[S]'", cmd.Text)
}

// Ask reads the reply in the code page its question was written in, even when the
// program chooses another while it waits.
func TestCodePageAskKeepsItsCodePage(t *testing.T) {
	inCodePages(t, zconsole.IBM037, zconsole.IBM037)
	fresh(t)
	h := open(t)
	ch := askAsync(context.Background(), h, "DEMO077A [Q]")
	m := asked(t)
	assert.Equal(t, fmt.Sprintf("@%02d DEMO077A [Q]", m.ReplyID), m.Text)
	require.NoError(t, zconsole.SetCodePage(zconsole.IBM1047))
	command(t, fmt.Sprintf("R %02d,[A]", m.ReplyID))
	a := got(t, ch)
	require.NoError(t, a.err)
	assert.Equal(t, "[A]", a.text)
}
