package console

import (
	"github.com/go-zos/zconsole/internal/ebcdic"
	"github.com/go-zos/zconsole/internal/zc"
	"github.com/go-zos/zconsole/zconsole/internal/mvs"
)

// Log returns the console log since the last Reset (or Start), oldest first, decoded
// in the system's code page as it is now (package sim's Log); nil without the simulator.
func Log() []Message {
	p := page()
	recs := mvs.Records(0)
	out := make([]Message, 0, len(recs))
	wtos := map[uint32]int{} // message id -> index in out of the message that has it
	for _, r := range recs {
		if r.Kind == zc.SIM_LOG_DOM {
			if i, ok := wtos[r.MsgID]; ok {
				out[i].Deleted = true
			}
			continue
		}
		m := messageOf(r, p)
		if m.Kind == KindWTO {
			wtos[m.MsgID] = len(out)
		}
		out = append(out, m)
	}
	return out
}

func messageOf(r mvs.Record, p *ebcdic.CodePage) Message {
	m := Message{Seq: r.Seq, Time: r.Time, Text: string(r.Data)}
	switch r.Kind {
	case zc.SIM_LOG_COMMAND:
		m.Kind = KindCommand
	case zc.SIM_LOG_SYSTEM:
		m.Kind = KindSystem
	case zc.SIM_LOG_ABEND:
		m.Kind = KindAbend
	case zc.SIM_LOG_WTO:
		m.MsgID = r.MsgID
		if err := wtoMessage(&m, r.Data, p); err != nil {
			m.Text = err.Error()
		}
	case zc.SIM_LOG_REPLY:
		m.Kind = KindSystem
		m.Text = replyText(r.Data, p)
	}
	return m
}
