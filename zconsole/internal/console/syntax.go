package console

import (
	"fmt"
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
	verb    string // as typed (folded): F, MODIFY, P, STOP, R, REPLY, …
	target  string // the job name (or reply number), before any '.identifier'
	ident   string // the identifier after '.', if any
	text    string // what follows the first comma of the operands
	hasText bool   // there was a comma
}

// parse splits a folded command into verb and operands: "VERB target[.id][,text]".
func parse(cmd string) parsed {
	var p parsed
	verb, ops, _ := strings.Cut(cmd, " ")
	p.verb = verb
	ops = strings.TrimLeft(ops, " ")
	target, text, hasText := strings.Cut(ops, ",")
	p.target, p.ident, _ = strings.Cut(target, ".")
	p.text, p.hasText = text, hasText
	return p
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
