package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/serve"
)

// demo is the started task: a console handle, the server that serves it, and the
// simulated work.
type demo struct {
	h       *zconsole.Handle
	srv     *serve.Server
	out     *output
	works   *works
	job     string
	started time.Time
	asking  atomic.Bool    // a CANCEL question is outstanding
	askers  sync.WaitGroup // the goroutine that waits for its reply
	ready   chan struct{}  // closed once srv is set and DMO001I written: handlers wait for it

	mu       sync.Mutex
	settings settings
	busy     bool // work runs: the idle timeout is paused
}

// open opens the console, starts serving it (START parameters, MODIFY commands, STOP,
// the signals SIGINT and SIGTERM for a run under z/OS UNIX or here, and the idle
// timeout), and says the demo is ready: when DMO001I is written, a STOP or a signal
// is taken. Handlers wait for the ready message, so it comes before the answer to the
// START parameters.
func open(ctx context.Context, s settings, out *output) (*demo, error) {
	h, err := zconsole.Init()
	if err != nil {
		return nil, err
	}
	d := &demo{h: h, out: out, settings: s, started: time.Now(), job: "DEMO", ready: make(chan struct{})}
	if t, err := zconsole.Task(); err == nil && t.JobName != "" {
		d.job = t.JobName
		out.event("job %s, ASID %04X, system %s, started by START: %v; settings from the program's arguments (PARM), before any START parameters: %s",
			t.JobName, t.ASID, t.System, t.Started, s.describe())
	} else {
		out.event("job name unknown (%v); settings from the program's arguments (PARM), before any START parameters: %s", err, s.describe())
	}
	out.setJob(d.job)
	d.works = newWorks(out, d.setBusy)
	d.srv, err = serve.New(ctx, h,
		serve.WithHandler(d.router()),
		serve.WithReplies(out.reply),
		serve.WithIdle(s.Idle),
		serve.WithSignals(),
		serve.WithDrainQueueLimit(2), // STATUS is answered while the demo stops
		serve.WithFlush(logFlushWait, out.logs.Flush),
	)
	if err != nil {
		_ = h.Close()
		return nil, err
	}
	out.put(fmt.Sprintf("%s %s ready: F %s,HELP lists the commands", msgReady, d.job, d.job))
	out.flushLog(logFlushWait) // DMO001I is on the console: the demo is ready
	close(d.ready)
	return d, nil
}

// setBusy is told by the work when it starts to run and when none is left: the idle
// timeout does not run while work does ("stops by itself after the idle period with
// nothing running"), and counts a full period from the end of the last item.
func (d *demo) setBusy(busy bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.busy = busy
	d.applyIdle()
}

// applyIdle sets the server's idle timeout: the setting, or none while work runs.
// Once the demo stops, the server takes no idle timeout any more. Call it with d.mu
// held, from a handler or the work (both begin after d.ready).
func (d *demo) applyIdle() {
	if d.busy {
		d.srv.SetIdleTimeout(0)
	} else {
		d.srv.SetIdleTimeout(d.settings.Idle)
	}
}
