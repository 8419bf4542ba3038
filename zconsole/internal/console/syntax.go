package console

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxCommand is the most characters a console takes for one command, verb and job name
// included.
const maxCommand = 126

// enterable checks what a console would let the operator type: at most maxCommand
// characters, each one the system's code page can carry. It returns the text with outer
// blanks removed.
func enterable(text string) (string, error) {
	text = strings.Trim(text, " ")
	if text == "" {
		return "", fmt.Errorf("%w: empty command", ErrInvalid)
	}
	if n := utf8.RuneCountInString(text); n > maxCommand {
		return "", fmt.Errorf("%w: %d characters; a console takes at most %d", ErrInvalid, n, maxCommand)
	}
	if _, err := page().Encode(text); err != nil {
		return "", fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return text, nil
}

// fold applies the console's case rule: letters a-z become A-Z except between
// apostrophes, and the apostrophes stay.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	quoted := false
	for _, r := range s {
		switch {
		case r == '\'':
			quoted = !quoted
		case !quoted && r >= 'a' && r <= 'z':
			r -= 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// parsed is an operator command taken apart.
type parsed struct {
	verb     string // as typed (folded): F, MODIFY, P, STOP, R, REPLY, …
	target   string // the job name (or reply number), before any '.identifier'
	ident    string // the identifier after '.', if any
	hasIdent bool   // there was a '.'
	text     string // what follows the first comma of the operands
	hasText  bool   // there was a comma
}

// parse splits a folded command into verb and operands: "VERB target[.id][,text]".
func parse(cmd string) parsed {
	var p parsed
	verb, ops, _ := strings.Cut(cmd, " ")
	p.verb = verb
	ops = strings.TrimLeft(ops, " ")
	target, text, hasText := strings.Cut(ops, ",")
	p.target, p.ident, p.hasIdent = strings.Cut(target, ".")
	p.text, p.hasText = text, hasText
	return p
}

// name is the job the command names, as typed: target or target.ident.
func (p parsed) name() string {
	if p.hasIdent {
		return p.target + "." + p.ident
	}
	return p.target
}

// cutASID splits the last operand of text off when it is A=asid, as MODIFY and STOP take
// it: "A=0021" gives rest "", no rest; "STATUS,A=0021" gives "STATUS". A comma between
// apostrophes separates nothing. Without an A= operand, rest is text as it is.
func cutASID(text string, hasText bool) (rest string, hasRest bool, asid string, hasASID bool) {
	start, quoted := 0, false
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '\'':
			quoted = !quoted
		case text[i] == ',' && !quoted:
			start = i + 1
		}
	}
	asid, hasASID = strings.CutPrefix(text[start:], "A=")
	if !hasText || !hasASID {
		return text, hasText, "", false
	}
	if start == 0 {
		return "", false, asid, true
	}
	return text[:start-1], true, asid, true
}

// asidIs reports whether s, the asid of A=asid, is 1 to 4 hexadecimal digits that make
// want.
func asidIs(s string, want uint16) bool {
	if len(s) < 1 || len(s) > 4 {
		return false
	}
	n, err := strconv.ParseUint(s, 16, 16)
	return err == nil && uint16(n) == want
}

// validJob reports whether s is a job name: 1 to 8 characters, A-Z, 0-9, @, # or $,
// not starting with a digit.
func validJob(s string) bool {
	if len(s) < 1 || len(s) > 8 || (s[0] >= '0' && s[0] <= '9') {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '@' || c == '#' || c == '$') {
			return false
		}
	}
	return true
}
