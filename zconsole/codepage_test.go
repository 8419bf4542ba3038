package zconsole

import (
	"bytes"
	"errors"
	"sync"
	"testing"

	"github.com/go-zos/zconsole/internal/ebcdic"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// setPage sets the process's code page to p until the test ends.
func setPage(t *testing.T, p CodePage) {
	t.Helper()
	require.NoError(t, SetCodePage(p))
	t.Cleanup(func() { require.NoError(t, SetCodePage(IBM1047)) })
}

func TestCodePageNames(t *testing.T) {
	assert.Equal(t, "IBM-1047", IBM1047.String())
	assert.Equal(t, "IBM-037", IBM037.String())
	assert.Equal(t, "IBM-1140", IBM1140.String())
	assert.Equal(t, "CodePage(500)", CodePage(500).String())
}

func TestSetCodePageRefusesOthers(t *testing.T) {
	setPage(t, IBM037)
	for _, p := range []CodePage{0, 500, 273, 1141} {
		err := SetCodePage(p)
		assert.ErrorIs(t, err, errors.ErrUnsupported, "%d", p)
		assert.Same(t, ebcdic.IBM037, currentPage(), "%d changed nothing", p)
	}
}

// The process's code page decides the bytes of a message, the console name and the
// reading of a CIB; by default it is IBM-1047.
func TestCodePageChoosesTheBytes(t *testing.T) {
	cases := []struct {
		page CodePage
		want []byte // "[]¬^" in IBM's table of the code page
	}{
		{IBM1047, []byte{0xAD, 0xBD, 0xB0, 0x5F}},
		{IBM037, []byte{0xBA, 0xBB, 0x5F, 0xB0}},
		{IBM1140, []byte{0xBA, 0xBB, 0x5F, 0xB0}},
	}
	m, _, err := prepare("[]¬^", false, nil)
	require.NoError(t, err)
	assert.Equal(t, cases[0].want, m.Lines[0], "IBM-1047 by default")

	for _, c := range cases {
		setPage(t, c.page)
		m, _, err := prepare("[]¬^", false, []PutOption{ToConsole("op@#$1")})
		require.NoError(t, err)
		assert.Equal(t, c.want, m.Lines[0], "%s", c.page)
		assert.Equal(t, []byte{0xD6, 0xD7, 0x7C, 0x7B, 0x5B, 0xF1, 0x40, 0x40}, m.ConsName[:], "%s: a console name is the same bytes in each", c.page)

		img := append([]byte{0, 0, 0, 0, 0x44, 3, 0, 0, 0, 0, 0, 0x21, 0, 3, 0, 4}, c.want...)
		cmd, err := decodeCIB(img, currentPage())
		require.NoError(t, err)
		assert.Equal(t, "[]¬^", cmd.Text, "%s", c.page)

		_, _, err = prepare("5€", false, nil)
		if c.page == IBM1140 {
			assert.NoError(t, err)
		} else {
			var ce *CharError
			require.True(t, errors.As(err, &ce), "%s: %v", c.page, err)
			assert.Equal(t, CharError{Rune: '€', Pos: 1, CodePage: c.page}, *ce)
		}
		m, _, err = prepare("5😀", false, []PutOption{Substitute()})
		require.NoError(t, err)
		assert.Equal(t, []byte{0xF5, 0x6F}, m.Lines[0], "%s: '?' is X'6F'", c.page)
	}
}

// SetCodePage while messages are prepared: each message is in one code page, never a
// mix, and (under -race) no data race.
func TestSetCodePageWhileWriting(t *testing.T) {
	setPage(t, IBM1047)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			_ = SetCodePage([]CodePage{IBM1047, IBM037, IBM1140}[i%3])
		}
	}()
	seen := map[string]bool{}
	for i := 0; i < 2000; i++ {
		m, page, err := prepare("[A]", false, nil)
		require.NoError(t, err)
		want, err := page.Encode("[A]")
		require.NoError(t, err)
		require.True(t, bytes.Equal(want, m.Lines[0]), "%X is not [A] in %s", m.Lines[0], page)
		seen[page.String()] = true
	}
	close(stop)
	wg.Wait()
	assert.NotEmpty(t, seen)
}
