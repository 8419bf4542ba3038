package ebcdic

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEncodeKnownCodes(t *testing.T) {
	// Code points from IBM's tables of the three code pages: blank, letters, digits, the
	// national characters, and the characters whose codes differ between them.
	cases := []struct {
		in   string
		want map[*CodePage][]byte
	}{
		{" ", all(0x40)},
		{"A", all(0xC1)},
		{"a", all(0x81)},
		{"Z9", all(0xE9, 0xF9)},
		{"@#$", all(0x7C, 0x7B, 0x5B)},
		{"?", all(0x6F)},
		{"'=,!|", all(0x7D, 0x7E, 0x6B, 0x5A, 0x4F)},
		{"[", map[*CodePage][]byte{IBM1047: {0xAD}, IBM037: {0xBA}, IBM1140: {0xBA}}},
		{"]", map[*CodePage][]byte{IBM1047: {0xBD}, IBM037: {0xBB}, IBM1140: {0xBB}}},
		{"¬", map[*CodePage][]byte{IBM1047: {0xB0}, IBM037: {0x5F}, IBM1140: {0x5F}}},
		{"^", map[*CodePage][]byte{IBM1047: {0x5F}, IBM037: {0xB0}, IBM1140: {0xB0}}},
		{"Ý¨", map[*CodePage][]byte{IBM1047: {0xBA, 0xBB}, IBM037: {0xAD, 0xBD}, IBM1140: {0xAD, 0xBD}}},
		{"¤", map[*CodePage][]byte{IBM1047: {0x9F}, IBM037: {0x9F}, IBM1140: nil}},
		{"€", map[*CodePage][]byte{IBM1047: nil, IBM037: nil, IBM1140: {0x9F}}},
	}
	for _, c := range cases {
		for _, p := range Pages {
			want := c.want[p]
			got, err := p.Encode(c.in)
			if want == nil {
				var ue *UnencodableError
				require.True(t, errors.As(err, &ue), "%s %q: %v", p, c.in, err)
				assert.Equal(t, p, ue.Page)
				assert.Contains(t, err.Error(), "no "+p.String()+" encoding")
				continue
			}
			require.NoError(t, err, "%s %q", p, c.in)
			assert.Equal(t, want, got, "%s %q", p, c.in)
			assert.Equal(t, c.in, p.Decode(got), "%s %q round trip", p, c.in)
		}
	}
}

func all(b ...byte) map[*CodePage][]byte {
	return map[*CodePage][]byte{IBM1047: b, IBM037: b, IBM1140: b}
}

// The package's promise: the code pages differ at exactly seven codes, and names and
// '?' are the same bytes in each.
func TestCodePagesDifferOnlyWhereSaid(t *testing.T) {
	var differ []byte
	for i := 0; i < 256; i++ {
		b := []byte{byte(i)}
		if IBM1047.Decode(b) != IBM037.Decode(b) || IBM037.Decode(b) != IBM1140.Decode(b) {
			differ = append(differ, byte(i))
		}
	}
	assert.Equal(t, []byte{0x5F, 0x9F, 0xAD, 0xB0, 0xBA, 0xBB, 0xBD}, differ)

	names := "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@#$ ?abcdefghijklmnopqrstuvwxyz"
	want, err := IBM1047.Encode(names)
	require.NoError(t, err)
	for _, p := range Pages {
		got, err := p.Encode(names)
		require.NoError(t, err)
		assert.Equal(t, want, got, "%s", p)
		assert.Equal(t, []byte{Subst}, p.EncodeSubst("😀"), "%s: '?' is X'6F'", p)
		assert.Equal(t, "?", p.Decode([]byte{Subst}))
		assert.Equal(t, " ", p.Decode([]byte{Blank}))
	}
}

func TestByCCSID(t *testing.T) {
	assert.Same(t, IBM1047, ByCCSID(1047))
	assert.Same(t, IBM037, ByCCSID(37))
	assert.Same(t, IBM1140, ByCCSID(1140))
	assert.Nil(t, ByCCSID(500))
	assert.Nil(t, ByCCSID(0))
	for _, p := range Pages {
		assert.Same(t, p, ByCCSID(p.CCSID()))
	}
}

func TestEncodeRejectsAndNamesTheCharacter(t *testing.T) {
	_, err := IBM037.Encode("ok €uro")
	var ue *UnencodableError
	require.True(t, errors.As(err, &ue), "got %v", err)
	assert.Equal(t, '€', ue.Rune)
	assert.Equal(t, 3, ue.Pos)
	assert.Equal(t, "character '€' (U+20AC) at position 3 has no IBM-037 encoding", err.Error())

	_, err = IBM1140.Encode("a\xffb")
	require.True(t, errors.As(err, &ue))
	assert.Equal(t, 1, ue.Pos)
	assert.Contains(t, err.Error(), "invalid UTF-8")
}

func TestEncodeSubst(t *testing.T) {
	assert.Equal(t, []byte{0xC1, 0x6F, 0xC2}, IBM1047.EncodeSubst("A€B"))
	assert.Equal(t, []byte{0xC1, 0x9F, 0xC2, 0x6F}, IBM1140.EncodeSubst("A€B¤"))
	assert.Equal(t, []byte{0xC1, 0x6F, 0xC2}, IBM037.EncodeSubst("A\xffB"))
}

func TestFieldAndDecodeTrim(t *testing.T) {
	for _, p := range Pages {
		f, err := p.Field("DEMO", 8)
		require.NoError(t, err)
		assert.Equal(t, []byte{0xC4, 0xC5, 0xD4, 0xD6, 0x40, 0x40, 0x40, 0x40}, f)
		assert.Equal(t, "DEMO", p.DecodeTrim(f))
		_, err = p.Field("TOOLONGNAME", 8)
		assert.Error(t, err)
	}
	_, err := IBM037.Field("€", 8)
	assert.Error(t, err)
}

// FuzzRoundTrip: in each code page, what encodes decodes to the same text; what does
// not encode is refused naming a character the code page has no code for.
func FuzzRoundTrip(f *testing.F) {
	f.Add("F DEMO,'Mixed Case'")
	f.Add("€")
	f.Add("[]¬^Ý¨¤")
	f.Fuzz(func(t *testing.T, s string) {
		for _, p := range Pages {
			b, err := p.Encode(s)
			if err != nil {
				var ue *UnencodableError
				if !errors.As(err, &ue) {
					t.Fatalf("%s: Encode(%q): %v", p, s, err)
				}
				if _, ok := p.EncodeRune(ue.Rune); ok {
					t.Fatalf("%s: Encode(%q) refused %q, which it has", p, s, ue.Rune)
				}
				continue
			}
			if got := p.Decode(b); got != s {
				t.Fatalf("%s: round trip %q -> %q", p, s, got)
			}
		}
	})
}
