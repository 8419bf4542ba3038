package console

import (
	"testing"

	"github.com/go-zos/zconsole/internal/ebcdic"
	"github.com/go-zos/zconsole/internal/zc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// useSystemPage makes the simulated system's code page p until the test ends.
func useSystemPage(t *testing.T, p *ebcdic.CodePage) {
	t.Helper()
	systemPage.Store(p)
	t.Cleanup(func() { systemPage.Store(nil) })
}

// The simulated system types a command's text and its console's name into the CIB in
// its code page: '[' is X'AD' in IBM-1047 and X'BA' in IBM-037 and IBM-1140.
func TestCIBImageInEachCodePage(t *testing.T) {
	want := map[*ebcdic.CodePage][]byte{ // "[]¬^"
		ebcdic.IBM1047: {0xAD, 0xBD, 0xB0, 0x5F},
		ebcdic.IBM037:  {0xBA, 0xBB, 0x5F, 0xB0},
		ebcdic.IBM1140: {0xBA, 0xBB, 0x5F, 0xB0},
	}
	op := Origin{Console: "OP@#$1", ID: 1}
	for p, w := range want {
		img, err := cibImage(zc.VERB_MODIFY, "[]¬^", op, p)
		require.NoError(t, err, "%s", p)
		assert.Equal(t, w, img[16:20], "%s CIBDATA", p)
		assert.Equal(t, []byte{0xD6, 0xD7, 0x7C, 0x7B, 0x5B, 0xF1, 0x40, 0x40}, img[24+8:24+16], "%s CIBXCNNM", p)
	}
	_, err := cibImage(zc.VERB_MODIFY, "€", op, ebcdic.IBM037)
	assert.ErrorIs(t, err, ErrInvalid)
	img, err := cibImage(zc.VERB_MODIFY, "€", op, ebcdic.IBM1140)
	require.NoError(t, err)
	assert.Equal(t, byte(0x9F), img[16])
}

// The console takes what the system's code page has, and the log reads the program's
// bytes in it.
func TestSystemCodePage(t *testing.T) {
	_, err := enterable("F DEMO,5€")
	assert.ErrorIs(t, err, ErrInvalid, "IBM-1047 by default")
	useSystemPage(t, ebcdic.IBM1140)
	_, err = enterable("F DEMO,5€")
	assert.NoError(t, err)
	_, err = enterable("F DEMO,5¤")
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, [8]byte{0x9F, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40, 0x40}, CARTOf("€"))

	bytes1047 := []byte{0xAD, 0xBD, 0xB0, 0x5F}
	rec := record(0, 0, 0, [2]byte{}, [16]byte{}, 0, [8]byte{}, [8]byte{}, "DEMO", bytes1047)
	for p, want := range map[*ebcdic.CodePage]string{ebcdic.IBM1047: "[]¬^", ebcdic.IBM037: "Ý¨^¬", ebcdic.IBM1140: "Ý¨^¬"} {
		var m Message
		require.NoError(t, wtoMessage(&m, rec, p))
		assert.Equal(t, want, m.Text, "%s", p)
		assert.Equal(t, "IEE600I REPLY TO 05 IS;"+want, replyText(append([]byte{5, 4}, bytes1047...), p), "%s", p)
	}
}

func TestSetPage(t *testing.T) {
	t.Cleanup(func() { systemPage.Store(nil) })
	for _, p := range []*ebcdic.CodePage{ebcdic.IBM037, ebcdic.IBM1140, ebcdic.IBM1047} {
		require.NoError(t, SetPage(p.CCSID()))
		assert.Same(t, p, page())
	}
	err := SetPage(500)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Same(t, ebcdic.IBM1047, page(), "a code page refused changes nothing")
}
