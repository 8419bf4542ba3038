//go:build zos || (cgo && zconsolesim)

package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/go-zos/zconsole/timer"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
)

// The operator test's messages (docs/messages.md).
const (
	msgTestDo   = "DMO900A" // enter the command shown
	msgTestEcho = "DMO901I" // the answer to the test's MODIFY
	msgTestSaw  = "DMO902D" // did the answer reach your console?
	msgTestIdle = "DMO903I" // the test's idle timer will end its wait
)

// TestOperatorAtConsole is the manual test procedure of docs/zos.md as a Go test: the
// test asks the operator, on the console (DMO900A) and in its log, for a MODIFY and a
// STOP, checks what arrives, answers on the operator's console and asks (WTOR) whether
// the answer got there, then ends a wait with its own idle timer.
//
// On z/OS it needs an operator at a console and ZOS_MANUAL_TEST=1 (blanks around the 1
// do not count), as golang.org/x/sys/unix's TestConsole2modify does; run it as a
// started task or batch job (docs/zos.md), since the operator addresses it by job
// name. Without the switch it fails, saying it did not run, rather than skip: a job
// that tested nothing must not end RC=0. Built with zconsolesim, the operator is
// simulated: it enters what DMO900A asks for and answers DMO902D, so the procedure
// itself is tested on every run here.
//
// What it learns of the facts this module could not confirm off z/OS (whether the START
// command arrives under BPXBATSL, the authority bytes of the CIB extension, the data of
// a STOP) it writes to the test log, for the one who runs it to report.
func TestOperatorAtConsole(t *testing.T) {
	simulated := meetOperator(t, runtime.GOOS)
	patience := time.Minute
	if simulated {
		require.NoError(t, sim.Start("DEMOTEST", "'MODE=TEST'"))
	} else {
		patience = 10 * time.Minute
	}
	op := &testOperator{t: t, simulated: simulated}

	h, err := zconsole.Init()
	require.NoError(t, err)
	defer func() { assert.NoError(t, h.Close()) }()
	task, err := zconsole.Task()
	require.NoError(t, err)
	job := task.JobName
	t.Logf("job %s, ASID %04X, system %s, started by START: %v", job, task.ASID, task.System, task.Started)
	ctx, cancel := context.WithTimeout(context.Background(), patience)
	defer cancel()

	// A MODIFY, with text in apostrophes: the console keeps its case and the
	// apostrophes. A START command may come first.
	want := fmt.Sprintf("ECHO 'Hello, z/OS from %s'", job)
	cmd := op.await(ctx, h, "F "+job+","+want, zconsole.Modify)
	assert.Equal(t, want, cmd.Text)
	assert.NotEmpty(t, cmd.Console, "the CIB extension names the console")
	t.Logf("MODIFY from console %q id %d (original %d), CART %v, authority %v (bytes %X)",
		cmd.Console, cmd.ConsoleID, cmd.OriginID, cmd.CART, cmd.Auth, cmd.AuthBytes)

	// The answer goes to that console; the operator says whether it arrived.
	answer := fmt.Sprintf("%s TEST: ECHO %s", msgTestEcho, want[len("ECHO '"):len(want)-1])
	_, err = cmd.Reply(answer)
	require.NoError(t, err)
	reply, err := op.ask(ctx, h, fmt.Sprintf("%s TEST: did console %s show %s? Reply YES or NO",
		msgTestSaw, cmd.Console, msgTestEcho))
	require.NoError(t, err)
	assert.Equal(t, "YES", reply, "the operator did not see the answer on the console")

	// The STOP.
	stop := op.await(ctx, h, "P "+job, zconsole.Stop)
	t.Logf("STOP from console %q: data %q", stop.Console, stop.Text)

	// The origin story's timer: nothing to wait for any more, and the wait ends by
	// itself when the idle timer kills it, with no thread left sleeping.
	const idle = 2 * time.Second
	_, err = zconsole.Put(fmt.Sprintf("%s TEST: idle timer of %v: the wait for the operator ends by itself", msgTestIdle, idle))
	require.NoError(t, err)
	began := time.Now()
	idler := timer.NewIdle(idle, func() { _ = zconsole.Kill(h) })
	defer idler.Stop()
	_, err = zconsole.Wait(h)
	waited := time.Since(began)
	assert.ErrorIs(t, err, zconsole.ErrKilled)
	assert.GreaterOrEqual(t, waited, idle)
	assert.Less(t, waited, idle+time.Minute, "the kill did not end the wait")
	t.Logf("the idle timer of %v ended the wait after %v", idle, waited)

	if simulated {
		answered := sim.Grep(sim.Log(), answer)
		require.Len(t, answered, 1, "the answer, once")
		assert.True(t, answered[0].Response, "a command response")
		assert.Equal(t, sim.MasterConsole.ID, answered[0].ConsoleID, "to the console that entered the MODIFY")
		assert.Empty(t, sim.Outstanding())
		assert.Zero(t, sim.Stats().Abends)
	}
}

// testOperator is the one at the console: a person on z/OS, told what to enter by a
// message on the console (DMO900A) and the test log; the simulator otherwise.
type testOperator struct {
	t         *testing.T
	simulated bool
}

// await asks the operator to enter command and waits for a command of verb. A START
// that comes first is logged and passed over.
func (o *testOperator) await(ctx context.Context, h *zconsole.Handle, command string, verb zconsole.Verb) zconsole.Command {
	o.t.Helper()
	prompt := fmt.Sprintf("%s TEST: enter %s", msgTestDo, command)
	id, err := zconsole.Put(prompt)
	require.NoError(o.t, err)
	defer func() { assert.NoError(o.t, zconsole.Delete(id)) }()
	o.t.Log(prompt)
	if o.simulated {
		require.NoError(o.t, sim.Command(command))
	}
	for {
		cmd, err := zconsole.WaitContext(ctx, h)
		require.NoError(o.t, err, "waiting for %s", command)
		if cmd.Verb == zconsole.Start && verb != zconsole.Start {
			o.t.Logf("START from console %q, parameters %q", cmd.Console, cmd.Text)
			continue
		}
		require.Equal(o.t, verb, cmd.Verb, "%s", cmd)
		return cmd
	}
}

// ask puts question to the operator (WTOR) and returns the reply. The simulated
// operator replies YES when the question is outstanding.
func (o *testOperator) ask(ctx context.Context, h *zconsole.Handle, question string) (string, error) {
	o.t.Helper()
	o.t.Log(question)
	if !o.simulated {
		return zconsole.Ask(ctx, h, question)
	}
	actx, stop := context.WithCancel(ctx)
	answered := make(chan error, 1)
	go func() {
		m, err := sim.Asked(actx)
		if err == nil {
			err = sim.Command(fmt.Sprintf("R %02d,YES", m.ReplyID))
		}
		answered <- err
	}()
	reply, err := zconsole.Ask(ctx, h, question)
	if err != nil {
		stop() // the simulated operator need not wait any more
	}
	err = errors.Join(err, <-answered)
	stop()
	return reply, err
}
