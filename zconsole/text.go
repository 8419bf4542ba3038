package zconsole

import (
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// subst is the '?' written for a character a console cannot show, under Substitute.
const subst = 0x6F

// isControl reports whether r is a control character: C0, DEL or C1. IBM-1047 has
// codes for them, but a console does not show them.
func isControl(r rune) bool {
	return r < 0x20 || r == 0x7F || (r >= 0x80 && r <= 0x9F)
}

// encodeLine returns the characters of s in IBM-1047. A character that IBM-1047 lacks,
// a control character, or invalid UTF-8 (utf8.RuneError) is a *CharError at its
// position in the whole text (s.pos plus its index), or '?' when substitute is set.
func encodeLine(s segment, substitute bool) ([]byte, error) {
	out := make([]byte, 0, len(s.r))
	for i, r := range s.r {
		b, ok := charmap.CodePage1047.EncodeRune(r)
		if !ok || r == utf8.RuneError || isControl(r) {
			if !substitute {
				return nil, &CharError{Rune: r, Pos: s.pos + i}
			}
			b = subst
		}
		out = append(out, b)
	}
	return out, nil
}
