//go:build cgo && zconsolesim

package sim

import (
	"context"
	"fmt"
	"time"

	"github.com/go-zos/zconsole/internal/zc"
	"github.com/go-zos/zconsole/zconsole/internal/mvs"
)

// reply handles R nn,text and REPLY nn,text: the reply goes to the WTOR with reply id
// nn. The text is as the console took it (upper case outside apostrophes); a reply in
// apostrophes keeps its case and loses them, two apostrophes inside standing for one.
func reply(p parsed) error {
	id, ok := replyID(p.target)
	text := unquote(p.text)
	if !ok || p.ident != "" || !p.hasText || text == "" {
		return invalid(p.verb)
	}
	b, err := page().Encode(text)
	if err != nil {
		return invalid(p.verb) // not reached: the console took every character
	}
	switch r := mvs.Reply(id, b); r {
	case zc.SIM_REPLIED:
		return nil
	case zc.SIM_NOT_OUTSTANDING:
		return fmt.Errorf("%w: %w: reply %02d", invalid(p.verb), ErrNotOutstanding, id)
	case zc.SIM_TOO_LONG:
		return fmt.Errorf("%w: reply %02d: %d characters are more than the program takes", invalid(p.verb), id, len(b))
	case zc.SIM_REPLY_LOST:
		return fmt.Errorf("sim: reply %02d: the program no longer holds its reply buffer (an abend is logged)", id)
	default:
		return fmt.Errorf("sim: reply %02d: result %d", id, r)
	}
}

// Outstanding returns the reply ids of the WTORs waiting for a reply, oldest first.
func Outstanding() []int { return mvs.Outstanding() }

// Asked blocks until the program has a WTOR outstanding and returns it (the oldest),
// as the log shows it: its ReplyID is the nn to answer with R nn,text. It fails when
// ctx is done first.
func Asked(ctx context.Context) (Message, error) {
	for {
		if ids := mvs.Outstanding(); len(ids) > 0 {
			if m, ok := wtorMessage(ids[0]); ok {
				return m, nil
			}
		}
		if err := ctx.Err(); err != nil {
			return Message{}, fmt.Errorf("sim: asked: %w", err)
		}
		mvs.AwaitWTOR(20 * time.Millisecond) // returns at once when a WTOR comes
	}
}

// wtorMessage is the log's outstanding WTOR with reply id id.
func wtorMessage(id int) (Message, bool) {
	log := Log()
	for i := len(log) - 1; i >= 0; i-- {
		m := log[i]
		if m.Kind == KindWTO && m.WTOR && m.ReplyID == id && !m.Deleted {
			return m, true
		}
	}
	return Message{}, false
}
