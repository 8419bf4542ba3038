package console

import (
	"testing"

	"github.com/go-zos/zconsole/internal/ebcdic"
	"github.com/go-zos/zconsole/internal/testfiles"
	"github.com/go-zos/zconsole/internal/zc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The simulator builds CIBs byte for byte as the annotated images in testdata lay them
// out from the documented offsets.
func TestCIBImagesMatchTestdata(t *testing.T) {
	ibmuser := Origin{Console: "IBMUSER", ID: 0x0300000A, Auth: 1, CART: CARTOf("AUTO0001")} // AUTH=SYS
	cases := []struct {
		file string
		verb byte
		text string
		o    Origin
	}{
		{"cib/start.hex", zc.VERB_START, "IDLE=20", Master},
		{"cib/modify.hex", zc.VERB_MODIFY, "STATUS", ibmuser},
		{"cib/stop.hex", zc.VERB_STOP, " ", Master},
	}
	for i, c := range cases {
		want, err := testfiles.Hex(c.file)
		require.NoError(t, err)
		got, err := cibImage(c.verb, c.text, c.o, ebcdic.IBM1047)
		require.NoError(t, err, "#%d", i)
		assert.Equal(t, want, got, "#%d %s", i, c.file)
	}
}

func TestCIBImageLengths(t *testing.T) {
	for n := 0; n <= 126; n++ {
		text := make([]byte, n)
		for i := range text {
			text[i] = 'X'
		}
		img, err := cibImage(zc.VERB_MODIFY, string(text), Master, ebcdic.IBM1047)
		require.NoError(t, err)
		xoff := int(img[6])<<8 | int(img[7])
		assert.Zero(t, xoff%8, "n=%d: extension on a doubleword", n)
		assert.GreaterOrEqual(t, xoff, 16+n, "n=%d: extension after the data", n)
		assert.Equal(t, xoff+48, len(img), "n=%d", n)
		assert.Equal(t, xoff/8, int(img[5]), "n=%d: CIBLEN", n)
	}
}

func TestCIBImageRejectsBadConsole(t *testing.T) {
	_, err := cibImage(zc.VERB_MODIFY, "X", Origin{Console: "TOOLONGNAME"}, ebcdic.IBM1047)
	assert.ErrorIs(t, err, ErrInvalid)
	_, err = cibImage(zc.VERB_MODIFY, "X", Origin{}, ebcdic.IBM1047)
	assert.ErrorIs(t, err, ErrInvalid)
}
