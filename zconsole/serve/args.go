package serve

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// ErrSyntax: the text of a command does not parse as operands (see [ParseArgs]).
var ErrSyntax = errors.New("zconsole: command syntax error")

// SyntaxError says where the text of a command stops making sense. It matches
// [ErrSyntax] with [errors.Is].
type SyntaxError struct {
	Column  int    // the character, counting from 1, where the problem starts
	Problem string // what is wrong, such as "apostrophe not closed"
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("zconsole: syntax error at column %d: %s", e.Column, e.Problem)
}

// Is reports whether target is [ErrSyntax].
func (e *SyntaxError) Is(target error) bool { return target == ErrSyntax }

// An Operand is one operand of an operator command: a positional word, or a keyword
// with a value (KEY=VALUE).
type Operand struct {
	Key    string // the keyword, in upper case; "" for a positional operand
	Value  string // the word or value, apostrophes removed if Quoted
	Quoted bool   // Value was one apostrophe-quoted string, so its case is as typed
}

// Args are the operands of an operator command, in the order typed.
type Args []Operand

// ParseArgs splits the text of a command into operands, by the usual rules of
// operator commands:
//
//   - Operands are separated by blanks or commas, any number of them: "SET IDLE=30",
//     "DISPLAY,WORK" and "A, B" are two operands each. An omitted operand, as in
//     "A,,B", leaves no trace; an empty one is two apostrophes.
//   - An operand is a positional word, or KEY=VALUE, where KEY is made of letters,
//     digits, @ # $ _ - and . (it is returned in upper case) and VALUE is what
//     follows the first '='.
//   - A value (or word) that is one string in apostrophes is returned without them,
//     with each doubled apostrophe made single, and marked Quoted. The console keeps
//     the case of quoted text, so quoting is how the operator sends lower case.
//   - Apostrophes and parentheses elsewhere in a word are kept as typed (X'C1',
//     LIST=(A,B)), but blanks, commas and '=' inside them do not separate.
//
// For example (the console has already folded what is outside apostrophes):
//
//	SET IDLE=30                 SET; IDLE=30
//	DISPLAY,WORK                DISPLAY; WORK
//	SAY MSG='It''s 5 o''clock'  SAY; MSG=It's 5 o'clock (Quoted)
//	LOG 'Hello, world'          LOG; Hello, world (Quoted)
//	TRACE X'C1' LIST=(A, B)     TRACE; X'C1'; LIST=(A, B)
//
// ParseArgs returns a [*SyntaxError] for an apostrophe or parenthesis that is not
// closed, a ')' without '(', and a '=' without a keyword before it. For any text it
// parses, ParseArgs(args.String()) returns the same operands.
func ParseArgs(text string) (Args, error) {
	var args Args
	i := 0
	for {
		for i < len(text) && isSeparator(text[i]) {
			i++
		}
		if i == len(text) {
			return args, nil
		}
		end, err := operandEnd(text, i)
		if err != nil {
			return nil, err
		}
		op, err := operandOf(text, i, end)
		if err != nil {
			return nil, err
		}
		args = append(args, op)
		i = end
	}
}

func isSeparator(c byte) bool { return c == ' ' || c == ',' }

// syntaxAt is a SyntaxError at byte offset i of text.
func syntaxAt(text string, i int, problem string) error {
	return &SyntaxError{Column: utf8.RuneCountInString(text[:i]) + 1, Problem: problem}
}

// operandEnd returns the offset of the separator that ends the operand starting at
// start (or len(text)), skipping separators inside apostrophes and parentheses.
func operandEnd(text string, start int) (int, error) {
	quote, paren, depth := -1, -1, 0 // the opening apostrophe and outer '(' while open
	for i := start; i < len(text); i++ {
		c := text[i]
		if quote >= 0 {
			if c == '\'' {
				if i+1 < len(text) && text[i+1] == '\'' {
					i++ // a doubled apostrophe stands for one
					continue
				}
				quote = -1
			}
			continue
		}
		switch c {
		case '\'':
			quote = i
		case '(':
			if depth == 0 {
				paren = i
			}
			depth++
		case ')':
			if depth == 0 {
				return 0, syntaxAt(text, i, "')' without '('")
			}
			depth--
		case ' ', ',':
			if depth == 0 {
				return i, nil
			}
		}
	}
	if quote >= 0 {
		return 0, syntaxAt(text, quote, "apostrophe not closed")
	}
	if depth > 0 {
		return 0, syntaxAt(text, paren, "'(' not closed")
	}
	return len(text), nil
}

// operandOf interprets text[start:end], an operand whose apostrophes and parentheses
// balance.
func operandOf(text string, start, end int) (Operand, error) {
	tok := text[start:end]
	k := keywordEnd(tok)
	if k < 0 {
		v, q := unquote(tok)
		return Operand{Value: v, Quoted: q}, nil
	}
	key := tok[:k]
	if !isKeyword(key) {
		if key == "" {
			return Operand{}, syntaxAt(text, start, "'=' without a keyword before it")
		}
		return Operand{}, syntaxAt(text, start, fmt.Sprintf("%s before '=' is not a keyword", key))
	}
	v, q := unquote(tok[k+1:])
	return Operand{Key: strings.ToUpper(key), Value: v, Quoted: q}, nil
}

// keywordEnd returns the offset of the first '=' outside apostrophes and
// parentheses, or -1.
func keywordEnd(tok string) int {
	quoted, depth := false, 0
	for i := 0; i < len(tok); i++ {
		switch c := tok[i]; {
		case c == '\'':
			quoted = !quoted // a doubled apostrophe toggles twice
		case quoted:
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '=' && depth == 0:
			return i
		}
	}
	return -1
}

// isKeyword reports whether s can be a keyword.
func isKeyword(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ||
			strings.IndexByte("@#$_-.", c) >= 0) {
			return false
		}
	}
	return true
}

// unquote returns the content of v if v is one apostrophe-quoted string, and true;
// otherwise v as it is, and false.
func unquote(v string) (string, bool) {
	if len(v) < 2 || v[0] != '\'' {
		return v, false
	}
	var b strings.Builder
	for i := 1; i < len(v); i++ {
		if v[i] != '\'' {
			b.WriteByte(v[i])
			continue
		}
		if i+1 < len(v) && v[i+1] == '\'' {
			b.WriteByte('\'')
			i++
			continue
		}
		if i == len(v)-1 {
			return b.String(), true
		}
		return v, false // the string ends before the word does, as in 'A'B
	}
	return v, false
}

// Words returns the positional operands, in order.
func (a Args) Words() []string {
	var w []string
	for _, op := range a {
		if op.Key == "" {
			w = append(w, op.Value)
		}
	}
	return w
}

// Value returns the value of keyword key (in any case), and whether it was given.
// When a keyword is given more than once, the last one counts.
func (a Args) Value(key string) (string, bool) {
	for i := len(a) - 1; i >= 0; i-- {
		if a[i].Key != "" && strings.EqualFold(a[i].Key, key) {
			return a[i].Value, true
		}
	}
	return "", false
}

// String returns the operands as an operator would type them, separated by blanks:
// quoted values in apostrophes (doubling the apostrophes inside), and any other value
// in apostrophes too if it would not read back as itself.
func (a Args) String() string {
	var b strings.Builder
	for i, op := range a {
		if i > 0 {
			b.WriteByte(' ')
		}
		if op.Key != "" {
			b.WriteString(op.Key)
			b.WriteByte('=')
		}
		if !op.Quoted && readsBack(op) {
			b.WriteString(op.Value)
			continue
		}
		b.WriteByte('\'')
		b.WriteString(strings.ReplaceAll(op.Value, "'", "''"))
		b.WriteByte('\'')
	}
	return b.String()
}

// readsBack reports whether op's value, written as it is, parses back to op.
func readsBack(op Operand) bool {
	probe, want := op.Value, Operand{Value: op.Value}
	if op.Key != "" {
		probe, want.Key = "K="+op.Value, "K"
	}
	got, err := ParseArgs(probe)
	return err == nil && len(got) == 1 && got[0] == want
}
