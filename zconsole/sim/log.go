//go:build cgo && zconsolesim

package sim

import (
	"github.com/go-zos/zconsole/zconsole/c"
)

// Log returns the console log since the last Reset (or Start), oldest first: the
// commands as the console took them, the system's messages, and abends the simulator
// caught.
func Log() []Message {
	recs := c.SimRecords(0)
	out := make([]Message, 0, len(recs))
	for _, r := range recs {
		out = append(out, messageOf(r))
	}
	return out
}

func messageOf(r c.Record) Message {
	m := Message{Seq: r.Seq, Time: r.Time, Text: string(r.Data)}
	switch r.Kind {
	case c.LogCommand:
		m.Kind = KindCommand
	case c.LogSystem:
		m.Kind = KindSystem
	case c.LogAbend:
		m.Kind = KindAbend
	}
	return m
}
