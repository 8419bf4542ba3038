package console

import (
	"fmt"

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
		return fmt.Errorf("%w: reply %02d: %w", invalid(p.verb), id, ErrNotOutstanding)
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
