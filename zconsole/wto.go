package zconsole

import (
	"fmt"

	"github.com/go-zos/zconsole/internal/ebcdic"
)

// Line types of a multi-line message (WPLLTF): data lines, the last one data-end.
const (
	lineData    = 0x2000
	lineDataEnd = 0x3000
)

// wto is a message checked and prepared for the WTO parameter list: its lines in the
// console code page and the fields of the WPX. The C code lays it out; nothing here
// touches z/OS, so all of it is fuzzed.
type wto struct {
	page        *ebcdic.CodePage // the code page of its text (and of a WTOR's reply)
	lines       [][]byte         // 1 to maxLines, none empty
	types       []uint16         // line types when there is more than one line
	codes       bool             // route and desc are given
	route       [16]byte
	desc        [2]byte
	consID      uint32
	hasConsID   bool
	consName    [8]byte // blank padded
	hasConsName bool
	cart        CART
	hasCART     bool
	resp        bool
	replyLen    int // a WTOR: 1 to maxReply; a WTO: 0
}

// prepare checks text and opts and builds the message: a WTO, or with wtor the
// question of a WTOR. Every error says what is wrong and wraps one of the sentinels.
func prepare(text string, wtor bool, opts []PutOption, base ...PutOption) (wto, error) {
	var m wto
	cfg, err := configure(opts, base...)
	if err != nil {
		return m, err
	}
	if cfg.replyLen != 0 && !wtor {
		return m, fmt.Errorf("%w: ReplyLength is for Ask only", ErrOption)
	}
	segs, err := splitLines(text, wtor)
	if err != nil {
		return m, err
	}
	for _, s := range segs {
		b, err := encodeLine(s, cfg.page, cfg.subst)
		if err != nil {
			return m, err
		}
		m.lines = append(m.lines, b)
	}
	if len(m.lines) > 1 {
		m.types = make([]uint16, len(m.lines))
		for i := range m.types {
			m.types[i] = lineData
		}
		m.types[len(m.types)-1] = lineDataEnd
	}
	m.page = cfg.page
	m.codes = cfg.hasRoute || cfg.hasDesc
	m.route, m.desc = cfg.routes, cfg.descs
	m.consID, m.hasConsID = cfg.consID, cfg.hasConsID
	if cfg.hasConsName {
		name, err := cfg.page.Field(cfg.consName, 8)
		if err != nil {
			return m, fmt.Errorf("%w: console name: %w", ErrOption, err)
		}
		copy(m.consName[:], name)
		m.hasConsName = true
	}
	m.cart, m.hasCART = cfg.cart, cfg.hasCART
	m.resp = cfg.resp
	if wtor {
		m.replyLen = maxReply
		if cfg.replyLen != 0 {
			m.replyLen = cfg.replyLen
		}
	}
	return m, nil
}
