//go:build !zconsolesim

package main

import (
	"context"
	"flag"
	"io"
	"strings"
	"time"

	"github.com/go-zos/zconsole/zconsole"
)

// realOperator is a person at a console of the system the demo runs on: the demo has
// nothing to play, and standard output (the STDOUT DD of the started task) records
// what it wrote and received.
type realOperator struct{}

func newOperator(*flag.FlagSet) operator { return realOperator{} }

func (realOperator) view() view                                   { return echoView{} }
func (realOperator) begin(*output, context.CancelCauseFunc) error { return nil }
func (realOperator) typedStop() (time.Time, bool)                 { return time.Time{}, false }
func (realOperator) end() error                                   { return nil }

// echoView records on standard output each message the demo writes, under the job's
// name, and each command it receives, under the console's.
type echoView struct{}

func (echoView) show(w io.Writer, job string, wrote []string) {
	if len(wrote) > 0 {
		writeLine(w, time.Now(), job, strings.Join(wrote, "\n"))
	}
}

func (echoView) received(w io.Writer, cmd zconsole.Command) {
	from := cmd.Console
	if from == "" {
		from = "OPER"
	}
	writeLine(w, time.Now(), from, strings.ToUpper(cmd.Verb.String())+" "+cmd.Text)
}

func (echoView) note(w io.Writer, src, text string) { writeLine(w, time.Now(), src, text) }

func (echoView) asking(_ string, shown func()) func() {
	shown()
	return func() {}
}

// replyID is -1: z/OS does not tell a program its WTOR's reply id.
func (echoView) replyID() int { return -1 }
