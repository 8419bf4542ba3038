package console

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// ConsoleSource is who the console's own lines come from in a transcript: what it says
// of lines it did not take, of the script, of the operator leaving.
const ConsoleSource = "CONSOLE"

// DefaultWaitLimit is how long a .wait waits unless SetWaitLimit says otherwise.
const DefaultWaitLimit = 30 * time.Second

// current is the operator at the console, between Open and Close: one per process, as
// the simulated system is. Shown brings its view up to date.
var current atomic.Pointer[Operator]

// An Operator is an operator at a console of the simulated system (package sim's
// Operator): a person typing lines, or a script.
type Operator struct {
	out         io.Writer
	src         source
	interactive bool
	waitLimit   time.Duration
	onFail      func(error)

	ctx       context.Context // done once Close is called
	end       context.CancelFunc
	done      chan error // the player's result
	playing   bool
	closeOnce sync.Once
	result    error

	mu     sync.Mutex // out, shown, echoed, stopAt, job, cursor
	shown  uint64     // the last log message written to out
	echoed uint64     // a command written to out as it was typed, before the log had it
	stopAt time.Time  // when the console took the first STOP typed
	job    string     // the job started
	cursor uint64     // .wait looks at messages after this one
}

// NewTerminal returns an operator who types the lines of in, and sees the console on
// out.
func NewTerminal(in io.Reader, out io.Writer) *Operator {
	o := newOperator(out)
	o.src, o.interactive = newLineSource(in), true
	return o
}

// NewScript returns an operator who plays the script read from r, named name in its
// errors; a script that does not parse is an error.
func NewScript(r io.Reader, name string, out io.Writer) (*Operator, error) {
	if err := Missing(); err != nil {
		return nil, err
	}
	steps, err := parseScript(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	o := newOperator(out)
	o.src = &scriptSource{steps: steps}
	return o, nil
}

func newOperator(out io.Writer) *Operator {
	o := &Operator{out: out, waitLimit: DefaultWaitLimit, done: make(chan error, 1)}
	o.ctx, o.end = context.WithCancel(context.Background())
	return o
}

// SetWaitLimit sets how long a .wait waits; call it before Open.
func (o *Operator) SetWaitLimit(d time.Duration) { o.waitLimit = d }

// OnFail sets what happens when a step fails while the job runs; call it before Open.
func (o *Operator) OnFail(f func(error)) { o.onFail = f }

// Open waits until the operator has started the job, starts it, and plays the rest on a
// goroutine of its own.
func (o *Operator) Open() error {
	if err := Missing(); err != nil {
		return err
	}
	if !current.CompareAndSwap(nil, o) {
		return fmt.Errorf("%w: an operator is at the console already", ErrOpen)
	}
	if o.interactive {
		o.Note(ConsoleSource, "a simulated MVS console: type commands as at a real one, S job or S job,,,parameters first;")
		o.Note(ConsoleSource, "then F job,text, R nn,text and P job; the end of input stops the job")
	}
	if err := o.start(); err != nil {
		current.CompareAndSwap(o, nil)
		return err
	}
	o.Show()
	o.playing = true
	go func() { o.done <- o.play() }()
	return nil
}

// start takes the operator's first step: S job or S job,,,parameters (job perhaps
// job.identifier), which starts the job. A person who types something else is told, and
// types again.
func (o *Operator) start() error {
	for {
		st, ok, err := o.src.next(o.ctx.Done())
		if err == nil && !ok {
			return errors.New("the operator never started the job (S job)")
		}
		if err == nil && st.kind != stepType {
			err = fmt.Errorf("line %d: start the job (S job) before waiting for anything", st.line)
		}
		var job, parm string
		if err == nil {
			job, parm, err = startCommand(st.text)
		}
		if err == nil {
			err = Start(job, parm, Master)
		}
		if err == nil {
			o.mu.Lock()
			o.job = Job()
			o.mu.Unlock()
			return nil
		}
		if !o.interactive {
			return err
		}
		o.Note(ConsoleSource, err.Error())
	}
}

// Show writes to out the messages of the log not written yet.
func (o *Operator) Show() {
	log := Log()
	o.mu.Lock()
	defer o.mu.Unlock()
	o.show(log)
}

// show writes the messages of log after the last shown, but the command echoed; call
// it with o.mu held.
func (o *Operator) show(log []Message) {
	var b strings.Builder
	for _, m := range log {
		if m.Seq > o.shown && m.Seq != o.echoed {
			WriteEntry(&b, m.Time, Source(m.Kind, m.Job), m.Text, m.WTOR)
		}
	}
	if last := lastSeq(log); last > o.shown {
		o.shown = last
	}
	if b.Len() > 0 {
		_, _ = io.WriteString(o.out, b.String())
	}
}

// write writes one line from src; call it with o.mu held.
func (o *Operator) write(at time.Time, src, text string) {
	var b strings.Builder
	WriteEntry(&b, at, src, text, false)
	_, _ = io.WriteString(o.out, b.String())
}

// Note writes a line from src that is not a message of the console (the program's own
// log, what the console says of itself) after what the console shows until now.
func (o *Operator) Note(src, text string) {
	log := Log()
	o.mu.Lock()
	defer o.mu.Unlock()
	o.show(log)
	o.write(time.Now(), src, text)
}

// Stopped returns when the console took the first STOP the operator entered, if it has.
func (o *Operator) Stopped() (time.Time, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.stopAt, !o.stopAt.IsZero()
}

// Close stops the operator and returns the error of a script that failed: when it
// returns, the operator types nothing more and its player has returned. A read of a
// person's input is not waited for.
func (o *Operator) Close() error {
	o.closeOnce.Do(func() {
		o.end()
		current.CompareAndSwap(o, nil)
		if !o.playing {
			return
		}
		if err := <-o.done; !o.interactive {
			o.result = err // a person's mistakes were shown on the console
		}
	})
	return o.result
}

// Shown brings the view of the operator at the console, if any, up to date: package
// zconsole calls it in the simulator build after each message the program writes, so
// that the console shows it before the call returns.
func Shown() {
	if o := current.Load(); o != nil {
		o.Show()
	}
}

func lastSeq(log []Message) uint64 {
	if len(log) == 0 {
		return 0
	}
	return log[len(log)-1].Seq
}
