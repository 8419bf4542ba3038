package zconsole_test

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// exportLimits are the most exported identifiers each package may have, counted over
// the non-test files of the simulator build: every function, type and method (on an
// exported type), and each name of a const or var declaration. A package grows its API
// by raising its row here, in the open.
var exportLimits = []struct {
	dir   string   // from this package's folder
	limit int      // at most this many
	wsome []string // names it must have, so that a counter that sees nothing fails
}{
	{".", 70, []string{"Init", "Wait", "Handle.Close", "ErrKilled", "type Command"}},
	{"c", 60, []string{"Init", "Kill", "Term", "type Message"}},
}

func TestExportedNames(t *testing.T) {
	for _, c := range exportLimits {
		names := exportedNames(t, c.dir, "zconsolesim")
		for _, w := range c.wsome {
			assert.Contains(t, names, w, "%s: the count does not see %s", c.dir, w)
		}
		assert.LessOrEqual(t, len(names), c.limit, "%s exports %d identifiers, more than %d:\n%v",
			c.dir, len(names), c.limit, names)
	}
}

// exportedNames lists the exported identifiers of the package in dir, built with tags,
// as "Name", "Type.Method" and "type Name", sorted.
func exportedNames(t *testing.T, dir string, tags ...string) []string {
	t.Helper()
	ctx := build.Default
	ctx.CgoEnabled = true
	ctx.BuildTags = tags
	pkg, err := ctx.ImportDir(dir, 0)
	require.NoError(t, err)
	fset := token.NewFileSet()
	var names []string
	for _, f := range append(pkg.GoFiles, pkg.CgoFiles...) {
		file, err := parser.ParseFile(fset, filepath.Join(dir, f), nil, 0)
		require.NoError(t, err)
		for _, d := range file.Decls {
			names = append(names, declared(d)...)
		}
	}
	sort.Strings(names)
	return names
}

// declared returns the exported identifiers declaration d declares.
func declared(d ast.Decl) []string {
	var names []string
	switch d := d.(type) {
	case *ast.FuncDecl:
		if !d.Name.IsExported() {
			break
		}
		if d.Recv == nil {
			return []string{d.Name.Name}
		}
		if recv := receiverType(d.Recv.List[0].Type); ast.IsExported(recv) {
			names = append(names, recv+"."+d.Name.Name)
		}
	case *ast.GenDecl:
		for _, s := range d.Specs {
			switch s := s.(type) {
			case *ast.TypeSpec:
				if s.Name.IsExported() {
					names = append(names, "type "+s.Name.Name)
				}
			case *ast.ValueSpec:
				for _, n := range s.Names {
					if n.IsExported() {
						names = append(names, n.Name)
					}
				}
			}
		}
	}
	return names
}

// receiverType is the name of a method's receiver type: T for T, *T, T[P] and *T[P].
func receiverType(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}
