package zconsole

import (
	"encoding/binary"
	"errors"
	"testing"

	"github.com/go-zos/zconsole/internal/ebcdic"
	"github.com/go-zos/zconsole/internal/testfiles"
	"github.com/go-zos/zconsole/internal/zc"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodeTestdataImages(t *testing.T) {
	cases := []struct {
		file     string
		wverb    Verb
		wtext    string
		wconsole string
		wid      uint32
		wauth    Authority
		wcart    string
		wauthraw [4]byte
	}{
		{"cib/start.hex", Start, "IDLE=20", "OPER1", 1, AuthMaster, "X'0000000000000000'", [4]byte{0, 0, 4, 0}},
		{"cib/modify.hex", Modify, "STATUS", "IBMUSER", 0x0300000A, AuthSys, "X'c1e4e3d6f0f0f0f1'", [4]byte{0, 0, 1, 0}},
		{"cib/stop.hex", Stop, "", "OPER1", 1, AuthMaster, "X'0000000000000000'", [4]byte{0, 0, 4, 0}},
	}
	for i, c := range cases {
		img, err := testfiles.Hex(c.file)
		require.NoError(t, err)
		require.Len(t, img, 72, "#%d %s", i, c.file)
		cmd, err := decodeCIB(img, ebcdic.IBM1047)
		require.NoError(t, err, "#%d", i)
		assert.Equal(t, c.wverb, cmd.Verb, "#%d verb", i)
		assert.Equal(t, byte(c.wverb), cmd.Code, "#%d code", i)
		assert.Equal(t, c.wtext, cmd.Text, "#%d text", i)
		assert.Equal(t, c.wconsole, cmd.Console, "#%d console", i)
		assert.Equal(t, c.wid, cmd.ConsoleID, "#%d console id", i)
		assert.Equal(t, c.wid, cmd.OriginID, "#%d origin id", i)
		assert.Equal(t, c.wauth, cmd.Auth, "#%d authority", i)
		assert.Equal(t, c.wauthraw, cmd.AuthBytes, "#%d authority bytes", i)
		assert.Equal(t, c.wcart, cmd.CART.String(), "#%d CART", i)
		assert.Equal(t, uint16(0x21), cmd.ASID, "#%d ASID", i)
	}
}

// The verb is compared for equality: X'44' contains the START bit X'04', and MOUNT
// (X'0C') does too; neither is a START.
func TestVerbByEquality(t *testing.T) {
	cases := []struct {
		code  byte
		wverb Verb
	}{
		{0x04, Start}, {0x44, Modify}, {0x40, Stop}, {0x0C, Unknown}, {0x00, Unknown}, {0xFF, Unknown}, {0x45, Unknown},
	}
	for i, c := range cases {
		assert.Equal(t, c.wverb, verbOf(c.code), "#%d code X'%02X'", i, c.code)
	}
}

func TestDecodeMalformed(t *testing.T) {
	img, err := testfiles.Hex("cib/modify.hex")
	require.NoError(t, err)

	_, err = decodeCIB(img[:15], ebcdic.IBM1047)
	assert.True(t, errors.Is(err, ErrMalformed), "short header: %v", err)

	long := append([]byte(nil), img...)
	binary.BigEndian.PutUint16(long[zc.CIB_DATLN:], 500) // data past the end
	cmd, err := decodeCIB(long, ebcdic.IBM1047)
	assert.True(t, errors.Is(err, ErrMalformed))
	assert.Equal(t, Modify, cmd.Verb, "what could be read is returned")
	assert.Equal(t, "IBMUSER", cmd.Console)

	far := append([]byte(nil), img...)
	binary.BigEndian.PutUint16(far[zc.CIB_XOFF:], 60) // extension past the end
	cmd, err = decodeCIB(far, ebcdic.IBM1047)
	assert.True(t, errors.Is(err, ErrMalformed))
	assert.Equal(t, "STATUS", cmd.Text)
	assert.Equal(t, "", cmd.Console)

	noext := append([]byte(nil), img[:24]...)
	binary.BigEndian.PutUint16(noext[zc.CIB_XOFF:], 0) // no extension at all: fine
	cmd, err = decodeCIB(noext, ebcdic.IBM1047)
	require.NoError(t, err)
	assert.Equal(t, "STATUS", cmd.Text)
	assert.Zero(t, cmd.ConsoleID)
}

func TestAuthorityPermits(t *testing.T) {
	cases := []struct {
		have, need Authority
		wok        bool
	}{
		{AuthInfo, AuthInfo, true},
		{AuthInfo, AuthSys, false},
		{AuthSys, AuthSys, true},
		{AuthSys, AuthIO, false},
		{AuthCons, AuthCons, true},
		{AuthMaster, AuthSys, true},
		{AuthMaster, AuthMaster, true},
		{AuthCons, AuthMaster, false},
	}
	for i, c := range cases {
		assert.Equal(t, c.wok, c.have.Permits(c.need), "#%d %s permits %s", i, c.have, c.need)
	}
}

// FuzzDecodeCIB: any bytes, any lengths and offsets, in each code page: no panic, no
// read outside the slice, text never longer than the data that holds it, and the code
// pages read the same everything but CIBDATA and the console name.
func FuzzDecodeCIB(f *testing.F) {
	for _, name := range []string{"cib/start.hex", "cib/modify.hex", "cib/stop.hex"} {
		img, err := testfiles.Hex(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(img)
	}
	f.Add([]byte{})
	f.Add(make([]byte, 16))
	f.Fuzz(func(t *testing.T, b []byte) {
		first, ferr := decodeCIB(b, ebcdic.IBM1047)
		for _, p := range ebcdic.Pages {
			cmd, err := decodeCIB(b, p)
			if len(b) < zc.CIB_HDR {
				if err == nil {
					t.Fatalf("%s: %d bytes decoded without error", p, len(b))
				}
				return
			}
			if len([]rune(cmd.Text)) > len(b)-zc.CIB_DATA {
				t.Fatalf("%s: text of %d characters from %d bytes of data", p, len([]rune(cmd.Text)), len(b)-zc.CIB_DATA)
			}
			if cmd.Verb != Unknown && byte(cmd.Verb) != b[zc.CIB_VERB] {
				t.Fatalf("%s: verb %v from code %#x", p, cmd.Verb, b[zc.CIB_VERB])
			}
			cmd.Text, cmd.Console = first.Text, first.Console
			if cmd != first || (err == nil) != (ferr == nil) {
				t.Fatalf("%s reads %+v, %v; IBM-1047 %+v, %v", p, cmd, err, first, ferr)
			}
		}
	})
}
