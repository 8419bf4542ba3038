package ebcdic

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEncodeKnownCodes(t *testing.T) {
	// Code points from the IBM-1047 table: blank, letters, digits, and the characters
	// that differ between EBCDIC code pages ('[', ']', '^', '!', '|').
	cases := []struct {
		in   string
		want []byte
	}{
		{" ", []byte{0x40}},
		{"A", []byte{0xC1}},
		{"a", []byte{0x81}},
		{"Z9", []byte{0xE9, 0xF9}},
		{"[]", []byte{0xAD, 0xBD}},
		{"^!|", []byte{0x5F, 0x5A, 0x4F}},
		{"'=,", []byte{0x7D, 0x7E, 0x6B}},
	}
	for i, c := range cases {
		got, err := Encode(c.in)
		require.NoError(t, err, "#%d", i)
		assert.Equal(t, c.want, got, "#%d %q", i, c.in)
		assert.Equal(t, c.in, Decode(got), "#%d round trip", i)
	}
}

func TestEncodeRejectsAndNamesTheCharacter(t *testing.T) {
	_, err := Encode("ok €uro")
	var ue *UnencodableError
	require.True(t, errors.As(err, &ue), "got %v", err)
	assert.Equal(t, '€', ue.Rune)
	assert.Equal(t, 3, ue.Pos)
	assert.Contains(t, err.Error(), "position 3")

	_, err = Encode("a\xffb")
	require.True(t, errors.As(err, &ue))
	assert.Equal(t, 1, ue.Pos)
}

func TestEncodeSubst(t *testing.T) {
	assert.Equal(t, []byte{0xC1, 0x6F, 0xC2}, EncodeSubst("A€B"))
}

func TestFieldAndDecodeTrim(t *testing.T) {
	f, err := Field("DEMO", 8)
	require.NoError(t, err)
	assert.Equal(t, []byte{0xC4, 0xC5, 0xD4, 0xD6, 0x40, 0x40, 0x40, 0x40}, f)
	assert.Equal(t, "DEMO", DecodeTrim(f))
	_, err = Field("TOOLONGNAME", 8)
	assert.Error(t, err)
}

func FuzzRoundTrip(f *testing.F) {
	f.Add("F DEMO,'Mixed Case'")
	f.Add("€")
	f.Fuzz(func(t *testing.T, s string) {
		b, err := Encode(s)
		if err != nil {
			return
		}
		if got := Decode(b); got != s {
			t.Fatalf("round trip %q -> %q", s, got)
		}
	})
}
