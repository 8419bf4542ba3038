package zconsole_test

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readmeMarker comes right before the README's Go block that quotes run.
const readmeMarker = "<!-- run as zconsole/example_test.go has it"

// The README's main snippet is run as the examples have it, so that it compiles, runs
// (in the simulator build's example) and cannot drift: the README quotes it with the
// imports it needs, and both example files hold the same run.
func TestREADMEQuotesExample(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	require.NoError(t, err)
	text := string(readme)
	at := strings.Index(text, readmeMarker)
	require.GreaterOrEqual(t, at, 0, "the README has no %q", readmeMarker)
	block := text[at:]
	start := strings.Index(block, "```go\n")
	require.GreaterOrEqual(t, start, 0, "no Go block after the marker")
	block = block[start+len("```go\n"):]
	end := strings.Index(block, "```\n")
	require.GreaterOrEqual(t, end, 0, "the Go block does not end")
	block = block[:end]

	fset := token.NewFileSet()
	quoted, err := parser.ParseFile(fset, "README.md", "package main\n\n"+block, parser.ParseComments)
	require.NoError(t, err, "the README's snippet is not Go")
	want := funcSource(t, fset, quoted, "run")

	for _, file := range []string{"example_test.go", "example_sim_test.go"} {
		f, err := parser.ParseFile(fset, file, nil, parser.ParseComments)
		require.NoError(t, err)
		assert.Equal(t, want, funcSource(t, fset, f, "run"), "%s: run is not the README's", file)
		imported := map[string]bool{}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			imported[path] = true
		}
		for _, imp := range quoted.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			assert.True(t, imported[path], "%s does not import %s, which the README does", file, path)
		}
	}
	assert.Equal(t, packagesUsed(quoted, "run"), importNames(quoted), "the README imports what run uses, and only that")
}

// funcSource is the source of the function name in f, without its doc comment.
func funcSource(t *testing.T, fset *token.FileSet, f *ast.File, name string) string {
	t.Helper()
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Name.Name == name {
			doc := fn.Doc
			fn.Doc = nil
			var b bytes.Buffer
			require.NoError(t, format.Node(&b, fset, &printer.CommentedNode{Node: fn, Comments: commentsIn(f, fn)}))
			fn.Doc = doc
			return b.String()
		}
	}
	t.Fatalf("no func %s", name)
	return ""
}

// commentsIn are f's comments inside node n.
func commentsIn(f *ast.File, n ast.Node) []*ast.CommentGroup {
	var out []*ast.CommentGroup
	for _, c := range f.Comments {
		if c.Pos() >= n.Pos() && c.End() <= n.End() {
			out = append(out, c)
		}
	}
	return out
}

// packagesUsed are the names of the packages the function name in f refers to.
func packagesUsed(f *ast.File, name string) []string {
	names := map[string]bool{}
	for _, imp := range importNames(f) {
		names[imp] = false
	}
	for _, d := range f.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok && fn.Name.Name == name {
			ast.Inspect(fn, func(n ast.Node) bool {
				if sel, ok := n.(*ast.SelectorExpr); ok {
					if id, ok := sel.X.(*ast.Ident); ok {
						if _, isImport := names[id.Name]; isImport {
							names[id.Name] = true
						}
					}
				}
				return true
			})
		}
	}
	var used []string
	for n, ok := range names {
		if ok {
			used = append(used, n)
		}
	}
	sort.Strings(used)
	return used
}

// importNames are the names f's imports are known by, sorted.
func importNames(f *ast.File) []string {
	var out []string
	for _, imp := range f.Imports {
		path, _ := strconv.Unquote(imp.Path.Value)
		out = append(out, path[strings.LastIndex(path, "/")+1:])
	}
	sort.Strings(out)
	return out
}
