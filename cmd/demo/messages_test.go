package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	msgID      = regexp.MustCompile(`\b(?:DMO|ZCN)\d{3}[AIDE]\b`)
	msgDefined = regexp.MustCompile(`"((?:DMO|ZCN)\d{3}[AIDE])"`)
	msgRow     = regexp.MustCompile(`(?m)^\| ((?:DMO|ZCN)\d{3}[AIDE]) \|`)
)

// docs/messages.md is the one table of the messages: it lists every message id the
// module (zconsole/serve/messages.go), the demo (messages.go) and its operator test
// (manual_test.go) define, each once, and nothing else; every id the sources or the
// operator scripts mention is one of them.
func TestMessageTable(t *testing.T) {
	root := filepath.Join("..", "..")
	defined := map[string]string{}
	for _, f := range []string{"messages.go", "manual_test.go", filepath.Join(root, "zconsole", "serve", "messages.go")} {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range msgDefined.FindAllStringSubmatch(string(b), -1) {
			if prev, dup := defined[m[1]]; dup {
				t.Errorf("%s is defined twice: in %s and %s", m[1], prev, f)
			}
			defined[m[1]] = f
		}
	}
	require.NotEmpty(t, defined)

	doc, err := os.ReadFile(filepath.Join(root, "docs", "messages.md"))
	require.NoError(t, err)
	var rows []string
	for _, m := range msgRow.FindAllStringSubmatch(string(doc), -1) {
		rows = append(rows, m[1])
	}
	for _, id := range rows {
		if _, ok := defined[id]; !ok {
			t.Errorf("docs/messages.md lists %s, which no source defines", id)
		}
	}
	for id, f := range defined {
		if n := slices.Index(rows, id); n < 0 {
			t.Errorf("%s (%s) is not in docs/messages.md", id, f)
		} else if slices.Index(rows[n+1:], id) >= 0 {
			t.Errorf("docs/messages.md lists %s twice", id)
		}
	}
	for _, prefix := range []string{"ZCN", "DMO"} {
		var ids []string
		for _, id := range rows {
			if strings.HasPrefix(id, prefix) {
				ids = append(ids, id)
			}
		}
		assert.True(t, slices.IsSorted(ids), "docs/messages.md lists the %s ids in order: %v", prefix, ids)
	}

	var mentioning []string
	for _, glob := range []string{"*.go", filepath.Join(root, "zconsole", "*.go"), filepath.Join(root, "zconsole", "serve", "*.go"),
		filepath.Join(root, "testdata", "operator", "*.txt")} {
		files, err := filepath.Glob(glob)
		require.NoError(t, err)
		mentioning = append(mentioning, files...)
	}
	for _, f := range mentioning {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, id := range msgID.FindAllString(string(b), -1) {
			if _, ok := defined[id]; !ok {
				t.Errorf("%s mentions %s, which no source defines", f, id)
			}
		}
	}
}
