//go:build cgo && zconsolesim

package sim_test

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-zos/zconsole/internal/simtest"
	"github.com/go-zos/zconsole/zconsole/sim"
	"github.com/go-zos/zconsole/zconsole/sim/internal/hello"
)

// syncBuffer is a bytes.Buffer an operator writes to while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var inOrder = simtest.InOrder

// entry matches one line of the console as an Operator shows it.
var entry = regexp.MustCompile(`^\d\d:\d\d:\d\d\.\d{3} [A-Z ]{8} \S`)

// A script operator starts the job, types its lines, waits for what it waits for, and
// shows the console as it grows: the operator's commands, the system's answers, the
// program's messages, and what the console says of itself.
func TestScriptOperator(t *testing.T) {
	var out syncBuffer
	op, err := sim.ScriptOperator(strings.NewReader(`# hello, played
S HELLO,,,'mode=test'
.wait HEL001I
F HELLO,PING
.wait HEL002I PONG
R 42,YES
.wait IEE305I
S HELLO
.wait IEA602I
P HELLO
`), "hello.txt", &out)
	require.NoError(t, err)
	require.NoError(t, op.Open())
	require.NoError(t, hello.Serve(time.Hour), "the program, stopped by the script")
	require.NoError(t, op.Close())
	require.NoError(t, op.Close(), "a second Close returns the same")
	simtest.Clean(t, nil)

	transcript := out.String()
	inOrder(t, transcript,
		"OPER     S HELLO,,,'mode=test'",
		"HELLO    HEL001I HELLO READY",
		"OPER     F HELLO,PING",
		"HELLO    HEL002I PONG",
		"OPER     R 42,YES",
		"SYSTEM   IEE305I R COMMAND INVALID",
		"CONSOLE  no WTOR has that reply id: none is outstanding",
		"OPER     S HELLO",
		"SYSTEM   IEA602I ADDRESS SPACE CREATE FAILED. MAXUSERS WOULD HAVE BEEN EXCEEDED",
		"CONSOLE  the simulated system has one address space, and HELLO runs in it",
		"OPER     P HELLO",
	)
	for _, l := range strings.Split(strings.TrimSuffix(transcript, "\n"), "\n") {
		assert.Regexp(t, entry, l)
	}
	assert.Equal(t, 1, strings.Count(transcript, "HEL002I PONG"), "each message shown once")
	assert.Equal(t, 1, strings.Count(transcript, "OPER     F HELLO,PING"), "each command shown once")
	at, ok := op.Stopped()
	assert.True(t, ok)
	assert.False(t, at.IsZero())
}

// A person's input: lines that do not start the job are answered and typed again, a
// line the console does not take is shown as such, and the end of the input is the
// operator leaving, which stops the job.
func TestTerminalOperator(t *testing.T) {
	var out syncBuffer
	op := sim.NewOperator(strings.NewReader(strings.Join([]string{
		"F HELLO,PING", // the job is not started yet
		"S HELLO",
		".wait HEL001I",
		"F HELLO," + strings.Repeat("X", 130), // longer than a console takes
		"f hello,ping",
		".wait HEL002I",
	}, "\n")+"\n"), &out)
	require.NoError(t, op.Open())
	require.NoError(t, hello.Serve(time.Hour), "the program, stopped when the input ended")
	require.NoError(t, op.Close())
	simtest.Clean(t, nil)
	inOrder(t, out.String(),
		"CONSOLE  a simulated MVS console",
		`CONSOLE  "F HELLO,PING" does not start the job`,
		"OPER     S HELLO",
		"HELLO    HEL001I HELLO READY",
		"CONSOLE  not entered: sim: invalid command: 138 characters; a console takes at most 126",
		"OPER     F HELLO,PING",
		"HELLO    HEL002I PONG",
		"CONSOLE  end of input: the operator leaves the console and stops HELLO",
		"OPER     P HELLO",
	)
}

// A script whose step fails while the job runs: the console says so and stops the job,
// or does what OnFail says instead.
func TestScriptOperatorFails(t *testing.T) {
	script := "S HELLO\n.wait HEL001I\n.wait HEL999X\nF HELLO,PING\n"
	t.Run("stops the job", func(t *testing.T) {
		var out syncBuffer
		op, err := sim.ScriptOperator(strings.NewReader(script), "fails.txt", &out)
		require.NoError(t, err)
		op.SetWaitLimit(50 * time.Millisecond)
		require.NoError(t, op.Open())
		require.NoError(t, hello.Serve(time.Hour), "the program, stopped by the console")
		err = op.Close()
		assert.EqualError(t, err, "line 3: .wait HEL999X: not on the console after 50ms")
		simtest.Clean(t, nil)
		inOrder(t, out.String(),
			"HELLO    HEL001I",
			"CONSOLE  the operator's script failed: line 3: .wait HEL999X: not on the console after 50ms",
			"OPER     P HELLO",
		)
		assert.NotContains(t, out.String(), "F HELLO,PING", "the script went on after its failure")
	})
	t.Run("OnFail", func(t *testing.T) {
		var out syncBuffer
		op, err := sim.ScriptOperator(strings.NewReader(script), "fails.txt", &out)
		require.NoError(t, err)
		op.SetWaitLimit(50 * time.Millisecond)
		failed := make(chan error, 1)
		op.OnFail(func(err error) { failed <- err })
		require.NoError(t, op.Open())
		done := make(chan error, 1)
		go func() { done <- hello.Serve(time.Hour) }()
		assert.EqualError(t, simtest.Within(t, failed, "OnFail"), "line 3: .wait HEL999X: not on the console after 50ms")
		assert.NotContains(t, out.String(), "P HELLO", "OnFail replaces the STOP")
		require.NoError(t, sim.Command("P HELLO"))
		require.NoError(t, <-done)
		assert.Error(t, op.Close())
		simtest.Clean(t, nil)
	})
}

// What keeps an operator from the console is an error that says so.
func TestOperatorCannotOpen(t *testing.T) {
	var out syncBuffer
	_, err := sim.ScriptOperator(strings.NewReader("S HELLO\n.wiat X\n"), "typo.txt", &out)
	assert.EqualError(t, err, "sim: script: typo.txt: line 2: .wiat is not a directive: .wait text, .pause seconds")

	for i, c := range []struct {
		script string
		werr   string
	}{
		{"", "sim: operator: the operator never started the job (S job)"},
		{".wait X\n", "sim: operator: line 1: start the job (S job) before waiting for anything"},
		{"F HELLO,PING\n", `sim: operator: "F HELLO,PING" does not start the job`},
		{"S 9HELLO\n", `sim: operator: invalid command: "9HELLO" is not a job name`},
	} {
		op, err := sim.ScriptOperator(strings.NewReader(c.script), "x.txt", &out)
		require.NoError(t, err, "#%d", i)
		assert.ErrorContains(t, op.Open(), c.werr, "#%d", i)
		assert.NoError(t, op.Close(), "#%d", i)
	}

	first, err := sim.ScriptOperator(strings.NewReader("S HELLO\n"), "first.txt", &out)
	require.NoError(t, err)
	require.NoError(t, first.Open())
	second, err := sim.ScriptOperator(strings.NewReader("S HELLO\n"), "second.txt", &out)
	require.NoError(t, err)
	err = second.Open()
	assert.ErrorIs(t, err, sim.ErrOpen)
	assert.EqualError(t, err, "sim: operator: the system is in use: an operator is at the console already")
	require.NoError(t, first.Close())
	require.NoError(t, second.Open(), "free once the first is closed")
	require.NoError(t, second.Close())
	assert.False(t, errors.Is(second.Close(), sim.ErrOpen))
}

// Note writes the program's own lines between the console's, never inside one.
func TestOperatorNote(t *testing.T) {
	var out syncBuffer
	op, err := sim.ScriptOperator(strings.NewReader("S HELLO\n.wait HEL001I\nP HELLO\n"), "note.txt", &out)
	require.NoError(t, err)
	require.NoError(t, op.Open())
	op.Note("EVENT", "the program's own line")
	require.NoError(t, hello.Serve(time.Hour))
	require.NoError(t, op.Close())
	inOrder(t, out.String(), "OPER     S HELLO", "EVENT    the program's own line", "OPER     P HELLO")
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, err = sim.Written(ctx, "HEL001I")
	assert.NoError(t, err)
}

// The operator's first line may give the job an identifier, S job.identifier
// (https://www.ibm.com/docs/SSLTBW_3.1.0/com.ibm.zos.v3r1.ieag100/skp1.htm), and a
// STOP by the identifier, P identifier
// (https://ibm.com/docs/en/SSLTBW_2.1.0/com.ibm.zos.v2r1.ieag100/smgen.htm), stops it.
func TestOperatorStartsWithAnIdentifier(t *testing.T) {
	var out syncBuffer
	op, err := sim.ScriptOperator(strings.NewReader("S HELLO.WEB\n.wait HEL001I\nP WEB\n"), "ident.txt", &out)
	require.NoError(t, err)
	require.NoError(t, op.Open())
	assert.Equal(t, "HELLO", sim.Job())
	assert.Equal(t, "WEB", sim.Identifier())
	require.NoError(t, hello.Serve(time.Hour))
	require.NoError(t, op.Close())
	inOrder(t, out.String(), "OPER     S HELLO.WEB", "OPER     P WEB")
	assert.Empty(t, sim.Grep(sim.Log(), "IEE341I"))
	_, stopped := op.Stopped()
	assert.True(t, stopped)
}
