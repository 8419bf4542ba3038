package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/go-zos/zconsole/zconsole/serve"
)

// router returns the demo's commands: what an operator types after F DEMO,. HELP is
// the router's own.
func (d *demo) router() serve.Handler {
	r := serve.NewRouter()
	r.HandleStart(d.startParameters)
	r.Handle("STATUS", d.status, serve.Help("shows what the demo is doing"))
	r.Handle("SET", d.set, serve.Help("IDLE=s GRACE=s WORK=s  changes settings (seconds)"))
	r.Handle("WORK", d.work, serve.Help("[seconds]  starts simulated work"))
	r.Handle("CANCEL", d.cancel, serve.Help("cancels running work, after asking"))
	r.Handle("ECHO", d.echo, serve.Help("'text'  answers text on your console"))
	return serve.HandlerFunc(func(ctx context.Context, req *serve.Request) error {
		<-d.ready // d.srv is set, DMO001I written
		d.out.received(req.Command)
		return r.ServeCommand(ctx, req)
	})
}

// startParameters takes the parameters of S DEMO,,,'IDLE=30,GRACE=5'. Parameters it
// cannot use change nothing: the operator is told, and the demo runs on with the
// settings it has.
func (d *demo) startParameters(_ context.Context, req *serve.Request) error {
	s, err := d.change(req.Args)
	if err != nil {
		d.out.event("START parameters not used (%v); settings in force: %s", err, s.describe())
		return req.Reply(fmt.Sprintf("%s START parameters not used: %v; %s", msgNotRun, err, s.describe()))
	}
	d.out.event("settings after the START parameters: %s", s.describe())
	return req.Reply(fmt.Sprintf("%s %s", msgSettings, s.describe()))
}

// set is F DEMO,SET IDLE=30 GRACE=5 WORK=2.
func (d *demo) set(_ context.Context, req *serve.Request) error {
	if len(req.Args) == 0 {
		return req.Reply(msgNotRun + " SET not run: give IDLE=, GRACE= or WORK= (seconds)")
	}
	s, err := d.change(req.Args)
	if err != nil {
		return req.Reply(fmt.Sprintf("%s SET not run: %v; nothing changed", msgNotRun, err))
	}
	return req.Reply(fmt.Sprintf("%s %s", msgSettings, s.describe()))
}

// change applies operands to the settings and returns them as they are then: changed,
// or, with an error, as they were.
func (d *demo) change(args serve.Args) (settings, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	s, err := d.settings.with(args)
	if err != nil {
		return d.settings, err
	}
	d.settings = s
	d.applyIdle()
	return s, nil
}

// work is F DEMO,WORK [seconds]: simulated work that ends by itself, runs while the
// demo answers other commands, and keeps the demo from idling out.
func (d *demo) work(_ context.Context, req *serve.Request) error {
	d.mu.Lock()
	dur := d.settings.Work
	d.mu.Unlock()
	switch {
	case len(req.Args) > 1 || len(req.Args) == 1 && req.Args[0].Key != "":
		return req.Reply(msgNotRun + " WORK not run: give one number of seconds, or nothing")
	case len(req.Args) == 1:
		var err error
		if dur, err = seconds(req.Args[0].Value, settingLimits["WORK"].min, settingLimits["WORK"].max); err != nil {
			return req.Reply(fmt.Sprintf("%s WORK not run: %v", msgNotRun, err))
		}
	}
	if _, err := d.works.start(req.Command, dur); errors.Is(err, errStopping) {
		return req.Reply(fmt.Sprintf("%s WORK not started: %v", msgWorkNot, err))
	}
	return nil // the work's own message (DMO010I), to this console too, answers
}

// cancel is F DEMO,CANCEL: it asks the operator (WTOR) before cutting the running work
// short. The question waits for its reply on a goroutine of the demo's own, so the
// commands behind it run meanwhile, in order, on the server's one worker; serve joins
// it. The question is withdrawn (DOM) when the demo begins to stop.
func (d *demo) cancel(_ context.Context, req *serve.Request) error {
	names := d.works.names()
	if names == "" {
		return req.Reply(msgNoWork + " no work is running: nothing to cancel")
	}
	if !d.asking.CompareAndSwap(false, true) {
		return req.Reply(msgAsking + " a CANCEL question is outstanding already: " + d.replyHint())
	}
	d.askers.Add(1)
	go func() {
		defer d.askers.Done()
		answer := d.confirmCancel(req, names)
		d.asking.Store(false) // before the answer: a CANCEL typed after it asks anew
		if err := req.Reply(answer); err != nil {
			d.out.event("CANCEL: %v", err)
		}
	}()
	return nil
}

// replyHint says how to answer the outstanding CANCEL question: with its reply id where
// the demo can know it (the simulated system tells it), else by the question's message
// id.
func (d *demo) replyHint() string {
	if id := d.out.replyID(); id >= 0 {
		return fmt.Sprintf("reply R %02d,YES or R %02d,NO", id, id)
	}
	return "reply YES or NO to " + msgAskCancel
}

// confirmCancel asks whether to cancel the work names, does what the reply says, and
// returns the demo's answer: YES cancels the work, NO keeps it, and any other reply is
// not taken for either: the demo says so and asks again.
func (d *demo) confirmCancel(req *serve.Request, names string) string {
	n := len(strings.Fields(names))
	question := fmt.Sprintf("%s cancel %d work item(s) (%s)? Reply YES or NO", msgAskCancel, n, names)
	for {
		reply, err := d.out.ask(d.srv.Context(), d.h, question)
		answer := strings.ToUpper(strings.TrimSpace(reply))
		switch {
		case err != nil && d.srv.Context().Err() != nil:
			return msgWithdrawn + " CANCEL question withdrawn: the demo is stopping"
		case err != nil:
			return fmt.Sprintf("%s CANCEL not run: %v", msgNotRun, err)
		case answer == "YES":
			cut := d.works.cancel(msgWorkCanc, "the operator replied YES")
			return fmt.Sprintf("%s %d work item(s) cancelled", msgCancelled, cut)
		case answer == "NO":
			return fmt.Sprintf("%s nothing cancelled: the reply was %q", msgKept, reply)
		}
		if err := req.Reply(fmt.Sprintf("%s reply %q not understood: YES or NO; asking again", msgNotUnderstood, reply)); err != nil {
			d.out.event("CANCEL: %v", err)
		}
	}
}

// echo is F DEMO,ECHO 'text': the text comes back to the console that typed it, as a
// command response with the command's CART. Text in apostrophes keeps its case.
func (d *demo) echo(_ context.Context, req *serve.Request) error {
	var text string
	if len(req.Args) == 1 && req.Args[0].Key == "" && req.Args[0].Quoted {
		text = req.Args[0].Value
	} else {
		text = strings.TrimSpace(req.Args.String())
	}
	if text == "" {
		return req.Reply(msgNotRun + " ECHO not run: give the text: F " + d.job + ",ECHO 'text'")
	}
	return req.Reply(msgEcho + " " + text)
}

// status is F DEMO,STATUS: a multi-line message.
func (d *demo) status(_ context.Context, req *serve.Request) error {
	d.mu.Lock()
	s, busy := d.settings, d.busy
	d.mu.Unlock()
	ws := d.works.status()

	state := "serving"
	if d.srv.Context().Err() != nil {
		state = "stopping (" + stopWhy(context.Cause(d.srv.Context())) + ")"
	}
	idle := "no idle timeout"
	if s.Idle > 0 {
		idle = "idle " + secs(s.Idle)
		if busy {
			idle += " (paused: work runs)"
		}
	}
	lines := []string{
		fmt.Sprintf("%s %s %s for %s, %d work item(s) running", msgStatus, d.job, state,
			since(d.started), len(ws.running)),
		fmt.Sprintf("settings: %s, grace %s, work %s", idle, secs(s.Grace), secs(s.Work)),
		fmt.Sprintf("work: %d started, %d ended, %d cancelled, %d cut",
			ws.started, ws.ended, ws.cancelled, ws.cut),
	}
	const shown = 6 // a message has 10 lines at most
	for i, r := range ws.running {
		if i == shown {
			lines = append(lines, fmt.Sprintf("and %d more", len(ws.running)-shown))
			break
		}
		lines = append(lines, r)
	}
	return req.Reply(lines...)
}
