package zconsole

import (
	"unicode/utf8"

	"github.com/go-zos/zconsole/internal/ebcdic"
)

// isControl reports whether r is a control character: C0, DEL or C1. The EBCDIC code
// pages have codes for them, but a console does not show them.
func isControl(r rune) bool {
	return r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F)
}

// encodeLine returns the characters of s in code page p. A character p lacks, a control
// character, or invalid UTF-8 (utf8.RuneError) is a *CharError at its position in the
// whole text (s.pos plus its index), or '?' (X'6F' in every code page here) when
// substitute is set.
func encodeLine(s segment, p *ebcdic.CodePage, substitute bool) ([]byte, error) {
	out := make([]byte, 0, len(s.r))
	for i, r := range s.r {
		b, ok := p.EncodeRune(r)
		if !ok || r == utf8.RuneError || isControl(r) {
			if !substitute {
				return nil, &CharError{Rune: r, Pos: s.pos + i, CodePage: CodePage(p.CCSID())}
			}
			b = ebcdic.Subst
		}
		out = append(out, b)
	}
	return out, nil
}
