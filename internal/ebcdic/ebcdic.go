// Package ebcdic converts between Go strings and IBM-1047, the EBCDIC code page of z/OS
// UNIX and of the operator console, using golang.org/x/text/encoding/charmap.
//
// Encoding is strict: a character that IBM-1047 cannot represent is an error that names
// the character and its position, never a silent substitution.
package ebcdic

import (
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

var cp = charmap.CodePage1047

// Blank is the EBCDIC space, X'40'.
const Blank = 0x40

// UnencodableError reports a character that IBM-1047 cannot represent.
type UnencodableError struct {
	Rune rune // the character
	Pos  int  // its position, counted in characters from 0
}

func (e *UnencodableError) Error() string {
	if e.Rune == utf8.RuneError {
		return fmt.Sprintf("invalid UTF-8 at character %d", e.Pos)
	}
	return fmt.Sprintf("character %q (%U) at position %d has no IBM-1047 encoding", e.Rune, e.Rune, e.Pos)
}

// Encode returns s in IBM-1047. It fails with an [*UnencodableError] on the first character
// that has no IBM-1047 code, or on invalid UTF-8.
func Encode(s string) ([]byte, error) {
	return AppendEncode(make([]byte, 0, len(s)), s)
}

// AppendEncode appends the IBM-1047 encoding of s to dst, as [Encode] does.
func AppendEncode(dst []byte, s string) ([]byte, error) {
	pos := 0
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return dst, &UnencodableError{Rune: r, Pos: pos}
			}
		}
		b, ok := cp.EncodeRune(r)
		if !ok {
			return dst, &UnencodableError{Rune: r, Pos: pos}
		}
		dst = append(dst, b)
		pos++
	}
	return dst, nil
}

// EncodeSubst is [Encode] with substitution: a character IBM-1047 lacks becomes '?'
// (X'6F'). It never fails.
func EncodeSubst(s string) []byte {
	dst := make([]byte, 0, len(s))
	for _, r := range s {
		b, ok := cp.EncodeRune(r)
		if !ok {
			b = 0x6F
		}
		dst = append(dst, b)
	}
	return dst
}

// Decode returns the IBM-1047 bytes b as a string. Every byte has a meaning in IBM-1047,
// so Decode cannot fail.
func Decode(b []byte) string {
	r := make([]rune, len(b))
	for i, c := range b {
		r[i] = cp.DecodeByte(c)
	}
	return string(r)
}

// DecodeTrim is [Decode] with trailing EBCDIC blanks (X'40') and NULs removed, the form
// of fixed-length fields such as console and job names.
func DecodeTrim(b []byte) string {
	n := len(b)
	for n > 0 && (b[n-1] == Blank || b[n-1] == 0) {
		n--
	}
	return Decode(b[:n])
}

// Field returns s encoded into a fixed field of n bytes, padded with EBCDIC blanks, as
// z/OS keeps names (job, console). It fails if s does not encode or is longer than n.
func Field(s string, n int) ([]byte, error) {
	b, err := Encode(s)
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
