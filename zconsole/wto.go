package zconsole

import (
	"fmt"

	"github.com/go-zos/zconsole/internal/ebcdic"
	"github.com/go-zos/zconsole/internal/zc"
	"github.com/go-zos/zconsole/zconsole/c"
)

// prepare checks text and opts and builds the message package c writes: a WTO, or with
// wtor the question of a WTOR. It returns the message and the code page its text is in
// (a WTOR's reply comes back in it). Every error says what is wrong and wraps one of the
// sentinels. Nothing here touches z/OS, so all of it is fuzzed.
func prepare(text string, wtor bool, opts []PutOption, base ...PutOption) (c.Message, *ebcdic.CodePage, error) {
	var m c.Message
	cfg, err := configure(opts, base...)
	if err != nil {
		return m, nil, err
	}
	if cfg.replyLen != 0 && !wtor {
		return m, nil, fmt.Errorf("%w: ReplyLength is for Ask only", ErrOption)
	}
	segs, err := splitLines(text, wtor)
	if err != nil {
		return m, nil, err
	}
	for _, s := range segs {
		b, err := encodeLine(s, cfg.page, cfg.subst)
		if err != nil {
			return m, nil, err
		}
		m.Lines = append(m.Lines, b)
	}
	if len(m.Lines) > 1 { // data lines, the last one data-end
		m.Types = make([]uint16, len(m.Lines))
		for i := range m.Types {
			m.Types[i] = zc.LT_DATA
		}
		m.Types[len(m.Types)-1] = zc.LT_DATA | zc.LT_END
	}
	m.Codes = cfg.hasRoute || cfg.hasDesc
	m.Route, m.Desc = cfg.routes, cfg.descs
	m.ConsID, m.HasConsID = cfg.consID, cfg.hasConsID
	if cfg.hasConsName {
		name, err := cfg.page.Field(cfg.consName, 8)
		if err != nil {
			return m, nil, fmt.Errorf("%w: console name: %w", ErrOption, err)
		}
		copy(m.ConsName[:], name)
		m.HasConsName = true
	}
	m.CART, m.HasCART = cfg.cart, cfg.hasCART
	m.Response = cfg.resp
	m.NoTime = cfg.noTime
	if wtor {
		m.ReplyLen = maxReply
		if cfg.replyLen != 0 {
			m.ReplyLen = cfg.replyLen
		}
	}
	return m, cfg.page, nil
}
