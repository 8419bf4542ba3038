// Package testfiles reads the module's testdata/ folder for tests: annotated hex images
// of control blocks and the table of documented offsets.
package testfiles

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Root returns the module's root folder (the one holding go.mod), found from the
// working directory upwards.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", fmt.Errorf("testfiles: no go.mod above the working directory")
		}
		dir = up
	}
}

// Path returns the path of testdata/name.
func Path(name string) (string, error) {
	root, err := Root()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "testdata", filepath.FromSlash(name)), nil
}

// Hex reads an annotated hex image: hex digits, blanks ignored, '#' to the end of a
// line a comment.
func Hex(name string) ([]byte, error) {
	p, err := Path(name)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var digits strings.Builder
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		digits.WriteString(strings.Join(strings.Fields(line), ""))
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	b, err := hex.DecodeString(digits.String())
	if err != nil {
		return nil, fmt.Errorf("testfiles: %s: %w", name, err)
	}
	return b, nil
}

// Field is one row of a layout table.
type Field struct {
	Name   string
	Offset int
	Length int
	Block  string
}

// Layout reads a table of fields: name, offset, length, block, one per line.
func Layout(name string) (map[string]Field, error) {
	p, err := Path(name)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	out := map[string]Field{}
	for i, line := range strings.Split(string(data), "\n") {
		line, _, _ = strings.Cut(line, "#")
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) != 4 {
			return nil, fmt.Errorf("testfiles: %s:%d: want 4 columns, got %d", name, i+1, len(f))
		}
		off, err1 := strconv.Atoi(f[1])
		n, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("testfiles: %s:%d: offset and length must be numbers", name, i+1)
		}
		out[f[0]] = Field{Name: f[0], Offset: off, Length: n, Block: f[3]}
	}
	return out, nil
}
