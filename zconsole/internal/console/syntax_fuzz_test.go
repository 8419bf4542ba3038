package console

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// commandSeeds are operator commands as typed: accepted ones, refused ones, and the edges
// of the console's rules (length, apostrophes, characters IBM-1047 lacks).
var commandSeeds = []string{
	"F DEMO,STATUS",
	"f demo,'Mixed Case' and more",
	"MODIFY DEMO.DEMO,A,B",
	"F DEMO.X1,Y",
	"F DEMO.DEMO,STATUS,A=0021",
	"F DEMO,'X,A=21'",
	"F DEMO,A=0021",
	"P DEMO,A=21",
	"P DEMO.DEMO,A=0022",
	"STOP DEMO,A=XYZ",
	"P DEMO.",
	"P .DEMO",
	"S DEMO.WEB",
	"S DEMO.WEB,,,'X'",
	"P DEMO",
	"stop demo",
	"P DEMO,NOW",
	"F DEMO",
	"F DEMO,",
	"F OTHER,X",
	"X DEMO,X",
	"F   DEMO,spaced",
	"F DEMO,'unclosed tail",
	"F DEMO,café",
	"F DEMO,éèêëàâäçñß¢¬", // one byte each in IBM-1047, two in UTF-8
	"F DEMO,€",
	"F DEMO,\xff",
	"F DEMO,\x00",
	"   ",
	"",
	"F DEMO," + strings.Repeat("x", maxCommand-len("F DEMO,")),
	"F DEMO," + strings.Repeat("x", maxCommand),
}

// FuzzSyntax: any text at all through the console's rules. enterable never panics and
// passes only what a console takes; fold keeps every character but a-z outside
// apostrophes, and is idempotent; parse, and cutASID after it, split without losing or
// inventing text.
func FuzzSyntax(f *testing.F) {
	for _, s := range commandSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		in, err := enterable(text)
		if err == nil {
			if in != strings.Trim(in, " ") || in == "" {
				t.Fatalf("enterable(%q) = %q: outer blanks or nothing", text, in)
			}
			if n := utf8.RuneCountInString(in); n > maxCommand {
				t.Fatalf("enterable(%q) passed %d characters", text, n)
			}
			if !strings.Contains(text, in) {
				t.Fatalf("enterable(%q) = %q: not the typed text", text, in)
			}
		}

		folded := fold(text)
		if fold(folded) != folded {
			t.Fatalf("fold is not idempotent on %q: %q then %q", text, folded, fold(folded))
		}
		a, b := []rune(text), []rune(folded)
		if len(a) != len(b) {
			t.Fatalf("fold(%q) = %q: %d characters became %d", text, folded, len(a), len(b))
		}
		quoted := false
		for i, r := range a {
			if r == '\'' {
				quoted = !quoted
			}
			want := r
			if !quoted && r >= 'a' && r <= 'z' {
				want = r - 'a' + 'A'
			}
			if b[i] != want {
				t.Fatalf("fold(%q) = %q: character %d is %q, want %q", text, folded, i, b[i], want)
			}
		}

		p := parse(folded)
		if strings.Contains(p.verb, " ") || strings.ContainsAny(p.target, ",.") || strings.Contains(p.ident, ",") {
			t.Fatalf("parse(%q) = %+v: a separator inside a field", folded, p)
		}
		if !strings.HasPrefix(folded, p.verb) || (p.verb != folded && folded[len(p.verb)] != ' ') {
			t.Fatalf("parse(%q) = %+v: the verb is not the first word", folded, p)
		}
		ops := strings.TrimLeft(folded[len(p.verb):], " ")
		if p.hasText != strings.Contains(ops, ",") {
			t.Fatalf("parse(%q) = %+v: hasText is wrong", folded, p)
		}
		tail := ""
		if p.hasText {
			tail = "," + p.text
		}
		if ops != p.name()+tail || (!p.hasIdent && p.ident != "") {
			t.Fatalf("parse(%q) = %+v: the fields do not make up the operands %q", folded, p, ops)
		}
		rest, hasRest, asid, hasASID := cutASID(p.text, p.hasText)
		joined := rest
		if hasASID && hasRest {
			joined += ","
		}
		if hasASID {
			joined += "A=" + asid
		}
		if joined != p.text || (hasRest && !p.hasText) || (hasASID && !p.hasText) {
			t.Fatalf("cutASID(%q) = %q, %v, %q, %v: not the text", p.text, rest, hasRest, asid, hasASID)
		}
	})
}
