//go:build zconsolesim

package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/sim"
)

// consoleSource is who the lines an operator types come from, in the source's view.
const consoleSource = "CONSOLE"

// simOperator is the operator of the simulated MVS, played by the demo itself: it
// types the lines of a script (-script file), or those a person types on standard
// input, at the simulated console with package sim, and shows the console's log as it
// grows.
type simOperator struct {
	scriptPath string
	waitFor    time.Duration

	console     *simConsole
	out         *output
	cancel      context.CancelCauseFunc
	src         source
	interactive bool

	ended   chan struct{} // closed when the demo has stopped
	endOnce sync.Once
	done    chan error // the player's result, once it plays
	playing bool

	mu     sync.Mutex
	stopAt time.Time // when the console took the first STOP typed
	cursor uint64    // .wait looks at messages after this one (player only)
}

func newOperator(fs *flag.FlagSet) operator {
	o := &simOperator{console: newSimConsole(), ended: make(chan struct{}), done: make(chan error, 1)}
	fs.StringVar(&o.scriptPath, "script", "",
		"play the operator script `file` (testdata/operator/*.txt); without it, type console commands on standard input")
	fs.DurationVar(&o.waitFor, "wait", 30*time.Second,
		"how long a script's .wait waits for its message")
	return o
}

func (o *simOperator) view() view { return o.console }

// begin starts the job: the operator's first line, S job or S job,,,parameters. Then
// the rest of the script (or standard input) plays on a goroutine of its own.
func (o *simOperator) begin(out *output, cancel context.CancelCauseFunc) error {
	o.out, o.cancel = out, cancel
	if o.scriptPath != "" {
		f, err := os.Open(o.scriptPath)
		if err != nil {
			return err
		}
		steps, err := parseScript(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", o.scriptPath, err)
		}
		o.src = &scriptSource{steps: steps}
	} else {
		o.interactive = true
		o.src = newLineSource(os.Stdin)
		out.note(consoleSource, "a simulated MVS console: type commands as at a real one, S DEMO,,,'IDLE=60' first,")
		out.note(consoleSource, "then F DEMO,HELP, F DEMO,WORK 30, F DEMO,CANCEL (and R 01,YES), P DEMO")
	}
	for {
		st, ok, err := o.src.next(nil)
		if err == nil && !ok {
			return errors.New("the operator never started the job (S DEMO)")
		}
		if err == nil && st.kind != stepType {
			err = fmt.Errorf("line %d: start the job (S DEMO) before waiting for anything", st.line)
		}
		var job, parm string
		if err == nil {
			job, parm, err = startCommand(st.text)
		}
		if err == nil {
			err = sim.Start(job, parm)
		}
		if err == nil {
			break
		}
		if !o.interactive {
			return err
		}
		out.note(consoleSource, "%v", err)
	}
	out.flush()
	o.playing = true
	go func() { o.done <- o.play() }()
	return nil
}

// play types the rest of the lines, until they end or the demo does. When a script
// fails while the demo runs, it stops the demo.
func (o *simOperator) play() error {
	for {
		st, ok, err := o.src.next(o.ended)
		if err == nil && !ok {
			return nil
		}
		if err == nil {
			err = o.do(st)
		}
		if err == nil {
			continue
		}
		if o.interactive {
			o.out.note(consoleSource, "%v", err)
			continue
		}
		select {
		case <-o.ended:
		default:
			o.cancel(fmt.Errorf("%w: %w", errScript, err))
		}
		return err
	}
}

// do carries out one step.
func (o *simOperator) do(st step) error {
	select {
	case <-o.ended:
		if st.kind == stepType {
			return fmt.Errorf("line %d: the demo ended before %s", st.line, st.text)
		}
	default:
	}
	switch st.kind {
	case stepType:
		o.typeLine(st.text)
	case stepWait:
		return o.await(st)
	case stepPause:
		t := time.NewTimer(st.pause)
		defer t.Stop()
		select {
		case <-t.C:
		case <-o.ended:
		}
	}
	return nil
}

// typeLine enters a line at the console. What the system answers is in the console's
// log; a line the console does not take at all (too long, characters it lacks) is
// shown as such.
func (o *simOperator) typeLine(text string) {
	before := lastSeq(sim.Log())
	err := sim.Command(text)
	entered := false
	for _, m := range sim.Log() {
		if m.Seq > before && m.Kind == sim.KindCommand {
			entered = true
			o.mu.Lock()
			o.cursor = m.Seq
			if err == nil && isStop(text) && o.stopAt.IsZero() {
				o.stopAt = m.Time // the first STOP stops the demo; a second forces it
			}
			o.mu.Unlock()
			break
		}
	}
	if !entered && err != nil {
		o.out.note(consoleSource, "not entered: %v: %s", err, text)
		return
	}
	o.out.flush()
}

// await is .wait text: it waits for the next message after the cursor that contains
// text.
func (o *simOperator) await(st step) error {
	deadline := time.NewTimer(o.waitFor)
	defer deadline.Stop()
	for {
		changed := o.console.changes()
		if o.find(st.text) {
			return nil
		}
		select {
		case <-changed:
		case <-o.ended:
			if o.find(st.text) {
				return nil
			}
			return fmt.Errorf("line %d: .wait %s: the demo ended, and the console does not show it", st.line, st.text)
		case <-deadline.C:
			return fmt.Errorf("line %d: .wait %s: not on the console after %v", st.line, st.text, o.waitFor)
		}
	}
}

// find looks for the next message after the cursor that contains text, and moves the
// cursor to it.
func (o *simOperator) find(text string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, m := range sim.Log() {
		if m.Seq > o.cursor && m.Kind != sim.KindCommand && strings.Contains(m.Text, text) {
			o.cursor = m.Seq
			return true
		}
	}
	return false
}

func (o *simOperator) typedStop() (time.Time, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.stopAt, !o.stopAt.IsZero()
}

// end stops the player and returns its error. A person typing on standard input may
// leave a line half typed: that read is not waited for.
func (o *simOperator) end() error {
	o.endOnce.Do(func() { close(o.ended) })
	if !o.playing {
		return nil
	}
	err := <-o.done
	if o.interactive {
		return nil
	}
	return err
}

// flush brings the view up to date: what the simulated console shows is written out.
func (o *output) flush() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.view.show(o.w, o.job, nil)
}

func lastSeq(log []sim.Message) uint64 {
	if len(log) == 0 {
		return 0
	}
	return log[len(log)-1].Seq
}

// source gives the steps an operator takes.
type source interface {
	// next returns the next step, or false when there is none: at the end, or, for
	// a person's input, once ended is closed.
	next(ended <-chan struct{}) (step, bool, error)
}

// scriptSource is a script read in full.
type scriptSource struct{ steps []step }

func (s *scriptSource) next(<-chan struct{}) (step, bool, error) {
	if len(s.steps) == 0 {
		return step{}, false, nil
	}
	st := s.steps[0]
	s.steps = s.steps[1:]
	return st, true, nil
}

// lineSource is what a person types, line by line. The goroutine that reads is the
// one goroutine the demo does not join: a read of a terminal cannot be cancelled, and
// the process ends with it.
type lineSource struct {
	lines chan string
	n     int
}

func newLineSource(r io.Reader) *lineSource {
	s := &lineSource{lines: make(chan string)}
	go func() {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			s.lines <- sc.Text()
		}
		close(s.lines)
	}()
	return s
}

func (s *lineSource) next(ended <-chan struct{}) (step, bool, error) {
	for {
		select {
		case <-ended:
			return step{}, false, nil
		case l, ok := <-s.lines:
			if !ok {
				return step{}, false, nil
			}
			s.n++
			st, isStep, err := parseStep(s.n, l)
			if err != nil || isStep {
				return st, isStep, err
			}
		}
	}
}

// simConsole shows the simulated console's log on standard output as it grows, in the
// layout of [sim.Transcript], and tells a waiting .wait when it has grown.
type simConsole struct {
	mu      sync.Mutex
	shown   uint64        // the last message shown
	changed chan struct{} // closed, and made anew, when more is shown
}

func newSimConsole() *simConsole { return &simConsole{changed: make(chan struct{})} }

// changes returns a channel that is closed when the console shows more.
func (c *simConsole) changes() <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.changed
}

// show writes the messages of the log not shown yet. What the demo wrote is among
// them: the log has it as the system took it.
func (c *simConsole) show(w io.Writer, _ string, _ []string) {
	log := sim.Log()
	c.mu.Lock()
	defer c.mu.Unlock()
	i := len(log)
	for i > 0 && log[i-1].Seq > c.shown {
		i--
	}
	if i == len(log) {
		return
	}
	_, _ = io.WriteString(w, sim.Transcript(log[i:]))
	c.shown = lastSeq(log)
	close(c.changed)
	c.changed = make(chan struct{})
}

// received does nothing: the console's log shows the command as typed.
func (c *simConsole) received(io.Writer, zconsole.Command) {}

// asking shows the question once the simulated system has it outstanding.
func (c *simConsole) asking(_ string, shown func()) func() {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		if _, err := sim.Asked(ctx); err == nil {
			shown()
		}
	}()
	return func() {
		cancel()
		<-done
	}
}
