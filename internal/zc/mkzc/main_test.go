package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/go-zos/zconsole/internal/testfiles"
)

// The generated files are what the headers make now: a header changed without go
// generate fails here, naming the file to regenerate.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	root, err := testfiles.Root()
	if err != nil {
		t.Fatal(err)
	}
	files, err := generate(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{goFile, checkFile, copyFile} {
		have, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(have, files[name]) {
			t.Errorf("%s differs from what the headers of zconsole/c make: run go generate ./internal/zc", name)
		}
	}
}

// parse reads defines and enum members, with their comments and in their order; it
// leaves out what is not a number and refuses a member it cannot read.
func TestParse(t *testing.T) {
	src := `#ifndef ZC_X_H
#define ZC_X_H
#define ZC_A      0x10u /* the first */
#define ZC_EYE    "EYE"
#define ZC_B      (255 * 8)
#define ZC_C      6   /* a comment that goes
                         on */
#define OTHER     3
enum { ZCSIM_D = 0, ZCSIM_E = 1 };
enum {
	ZC_F = -1,  /* minus one, with a comma */
	ZC_G = 2    /* the last
	               of them */
};
#endif
`
	ks, err := parse("x.h", src)
	if err != nil {
		t.Fatal(err)
	}
	want := []constant{
		{"x.h", "ZC_A", "0x10", "the first"},
		{"x.h", "ZC_B", "(255 * 8)", ""},
		{"x.h", "ZC_C", "6", "a comment that goes on"},
		{"x.h", "ZCSIM_D", "0", ""},
		{"x.h", "ZCSIM_E", "1", ""},
		{"x.h", "ZC_F", "-1", "minus one, with a comma"},
		{"x.h", "ZC_G", "2", "the last of them"},
	}
	if len(ks) != len(want) {
		t.Fatalf("#: want %d constants, got %d: %+v", len(want), len(ks), ks)
	}
	for i, w := range want {
		if ks[i] != w {
			t.Errorf("#%d: want %+v, got %+v", i, w, ks[i])
		}
	}
	if ks[3].goName() != "SIM_D" || ks[0].goName() != "A" {
		t.Errorf("Go names: %s, %s", ks[3].goName(), ks[0].goName())
	}
	if _, err := parse("y.h", "enum { ZC_H = ZC_A + 1 };\n"); err == nil {
		t.Error("a member whose value names another constant was read")
	}
}
