package zconsole

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/go-zos/zconsole/internal/ebcdic"
)

// FuzzPutText: any text and any codes through Put's checks and preparation, in any of
// the code pages. Either it is refused with one of the package's errors, or it becomes
// a message that fits (1 line of at most 126, or at most 10 lines of at most 71, none
// empty; a WTOR one line of at most 122) and has lost no character: the text and the
// lines, read back from the code page, hold the same characters but for blanks and
// line breaks.
func FuzzPutText(f *testing.F) {
	f.Add("DEMO001I HELLO", uint8(2), uint8(12), false, false, uint8(0))
	f.Add(strings.Repeat("WORD ", 40), uint8(11), uint8(4), false, false, uint8(1))
	f.Add("A\n\nB\r\nC\n", uint8(1), uint8(9), false, false, uint8(2))
	f.Add("PRICE 5€", uint8(0), uint8(14), false, true, uint8(0))
	f.Add("PRICE 5€ [¬^] ¤", uint8(2), uint8(7), false, true, uint8(2))
	f.Add("[¬^] IN IBM-037", uint8(2), uint8(7), false, false, uint8(1))
	f.Add("REPLY YES OR NO", uint8(1), uint8(2), true, false, uint8(1))
	f.Add(strings.Repeat("X", 800), uint8(128), uint8(13), false, false, uint8(0))
	f.Fuzz(func(t *testing.T, text string, route, desc uint8, wtor, subst bool, page uint8) {
		p := ebcdic.Pages[int(page)%len(ebcdic.Pages)]
		opts := []PutOption{Routing(int(route)), Descriptor(int(desc), int(desc%8)+1), inPage(p)}
		if subst {
			opts = append(opts, Substitute())
		}
		m, mpage, err := prepare(text, wtor, opts)
		if err != nil {
			for _, e := range []error{ErrInvalidCode, ErrTooLong, ErrNoText, ErrUnencodable} {
				if errors.Is(err, e) {
					return
				}
			}
			t.Fatalf("prepare(%q): %v, not one of the package's errors", text, err)
		}

		if route < 1 || route > 128 || desc < 1 || desc > 13 {
			t.Fatalf("codes %d/%d accepted", route, desc)
		}
		n := len(m.Lines)
		switch {
		case n == 0 || n > maxLines:
			t.Fatalf("prepare(%q): %d lines", text, n)
		case wtor && (n != 1 || len(m.Lines[0]) > maxWTOR):
			t.Fatalf("prepare(%q): a WTOR of %d lines", text, n)
		case n == 1 && len(m.Lines[0]) > maxSingle:
			t.Fatalf("prepare(%q): one line of %d", text, len(m.Lines[0]))
		case n > 1 && len(m.Types) != n:
			t.Fatalf("prepare(%q): %d lines, %d types", text, n, len(m.Types))
		}
		for i, l := range m.Lines {
			if len(l) == 0 || (n > 1 && len(l) > maxLine) {
				t.Fatalf("prepare(%q): line %d has %d characters", text, i, len(l))
			}
		}

		got := strings.Join(decodeLines(m, mpage), "")
		squeeze := func(s string) string {
			s = strings.ReplaceAll(s, "\r\n", "\n")
			return strings.Map(func(r rune) rune {
				if r == ' ' || r == '\n' {
					return -1
				}
				return r
			}, s)
		}
		if !subst {
			if squeeze(got) != squeeze(text) {
				t.Fatalf("prepare(%q): characters lost or changed: %q", text, got)
			}
			return
		}
		// With Substitute each character is kept, or is '?' where a console cannot show
		// it: no code in the code page, a control character, or not UTF-8.
		gr, tr := []rune(squeeze(got)), []rune(squeeze(text))
		if len(gr) != len(tr) {
			t.Fatalf("prepare(%q) with Substitute: %q has another number of characters", text, got)
		}
		for i, r := range tr {
			_, err := p.Encode(string(r))
			shown := err == nil && !unicode.IsControl(r) && r != utf8.RuneError
			if want := map[bool]rune{true: r, false: '?'}[shown]; gr[i] != want {
				t.Fatalf("prepare(%q) with Substitute: character %d is %q, not %q", text, i, gr[i], want)
			}
		}
	})
}

// inPage makes a message be prepared in code page p, whatever SetCodePage chose, so
// that tests of preparation need not change the process's setting.
func inPage(p *ebcdic.CodePage) PutOption {
	return func(c *putConfig) error {
		c.page = p
		return nil
	}
}
