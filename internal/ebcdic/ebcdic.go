// Package ebcdic converts between Go strings and the EBCDIC code pages z/OS consoles run
// in: IBM-1047 (Latin-1/Open Systems, the code page of z/OS UNIX), IBM-037 (USA/Canada)
// and IBM-1140 (IBM-037 with the euro sign), using golang.org/x/text/encoding/charmap.
//
// Encoding is strict: a character the code page cannot represent is an error that names
// the character, its position and the code page, never a silent substitution.
//
// The three code pages give the same code to every character but seven: '[', ']', '¬',
// '^', 'Ý' and '¨' sit at other codes in IBM-1047 than in IBM-037 and IBM-1140, and
// X'9F' is '¤' in IBM-1047 and IBM-037 but '€' in IBM-1140. Letters, digits, the blank
// (X'40'), '@', '#', '$' and '?' (X'6F') are the same in all three, so a job, console or
// system name is the same bytes whichever code page is chosen.
package ebcdic

import (
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Blank is the EBCDIC space, X'40' in every code page here.
const Blank = 0x40

// Subst is '?', X'6F' in every code page here: what EncodeSubst writes for a character
// the code page lacks.
const Subst = 0x6F

// CodePage is one EBCDIC code page: its CCSID, its IBM name and its table.
type CodePage struct {
	ccsid int
	name  string
	cm    *charmap.Charmap
}

// The code pages z/OS consoles are run in.
var (
	IBM1047 = &CodePage{1047, "IBM-1047", charmap.CodePage1047}
	IBM037  = &CodePage{37, "IBM-037", charmap.CodePage037}
	IBM1140 = &CodePage{1140, "IBM-1140", charmap.CodePage1140}
)

// Pages lists the code pages, IBM-1047 first.
var Pages = []*CodePage{IBM1047, IBM037, IBM1140}

// ByCCSID returns the code page with CCSID ccsid, or nil if it is none of [Pages].
func ByCCSID(ccsid int) *CodePage {
	for _, p := range Pages {
		if p.ccsid == ccsid {
			return p
		}
	}
	return nil
}

// CCSID returns the code page's coded character set id: 1047, 37 or 1140.
func (p *CodePage) CCSID() int { return p.ccsid }

// String returns the IBM name: IBM-1047, IBM-037, IBM-1140.
func (p *CodePage) String() string { return p.name }

// EncodeRune returns the code of r, or false if the code page has none.
func (p *CodePage) EncodeRune(r rune) (byte, bool) {
	if r == utf8.RuneError {
		return 0, false
	}
	return p.cm.EncodeRune(r)
}

// UnencodableError reports a character a code page cannot represent.
type UnencodableError struct {
	Rune rune      // the character (utf8.RuneError for invalid UTF-8)
	Pos  int       // its position, counted in characters from 0
	Page *CodePage // the code page that lacks it
}

func (e *UnencodableError) Error() string {
	if e.Rune == utf8.RuneError {
		return fmt.Sprintf("invalid UTF-8 at character %d", e.Pos)
	}
	return fmt.Sprintf("character %q (%U) at position %d has no %s encoding", e.Rune, e.Rune, e.Pos, e.Page)
}

// Encode returns s in the code page. It fails with an [*UnencodableError] on the first
// character that has no code in it, or on invalid UTF-8 (and on U+FFFD, which no EBCDIC
// code page here has).
func (p *CodePage) Encode(s string) ([]byte, error) {
	dst := make([]byte, 0, len(s))
	pos := 0
	for _, r := range s {
		b, ok := p.EncodeRune(r)
		if !ok {
			return nil, &UnencodableError{Rune: r, Pos: pos, Page: p}
		}
		dst = append(dst, b)
		pos++
	}
	return dst, nil
}

// EncodeSubst is [CodePage.Encode] with substitution: a character the code page lacks,
// and each byte of invalid UTF-8, becomes '?' ([Subst]). It never fails.
func (p *CodePage) EncodeSubst(s string) []byte {
	dst := make([]byte, 0, len(s))
	for _, r := range s {
		b, ok := p.EncodeRune(r)
		if !ok {
			b = Subst
		}
		dst = append(dst, b)
	}
	return dst
}

// Decode returns the bytes b of the code page as a string. Every byte has a meaning in
// each code page here, so Decode cannot fail.
func (p *CodePage) Decode(b []byte) string {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = p.cm.DecodeByte(c)
	}
	return string(r)
}

// DecodeTrim is [CodePage.Decode] with trailing EBCDIC blanks (X'40') and NULs removed,
// the form of fixed-length fields such as console and job names.
func (p *CodePage) DecodeTrim(b []byte) string {
	n := len(b)
	for n > 0 && (b[n-1] == Blank || b[n-1] == 0) {
		n--
	}
	return p.Decode(b[:n])
}

// Field returns s encoded into a fixed field of n bytes, padded with EBCDIC blanks, as
// z/OS keeps names (job, console). It fails if s does not encode or is longer than n.
func (p *CodePage) Field(s string, n int) ([]byte, error) {
	b, err := p.Encode(s)
	if err != nil {
		return nil, err
	}
	if len(b) > n {
		return nil, fmt.Errorf("%q is longer than %d characters", s, n)
	}
	for len(b) < n {
		b = append(b, Blank)
	}
	return b, nil
}
