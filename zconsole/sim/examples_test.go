package sim_test

import (
	"bytes"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The examples the build without the simulator shows (example_test.go) are the code the
// simulator build runs and checks (example_sim_test.go): the same bodies.
func TestExamplesShowWhatRuns(t *testing.T) {
	fset := token.NewFileSet()
	bodies := func(file string) map[string]string {
		f, err := parser.ParseFile(fset, file, nil, 0)
		require.NoError(t, err)
		out := map[string]string{}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			var b bytes.Buffer
			require.NoError(t, format.Node(&b, fset, fn.Body))
			out[fn.Name.Name] = b.String()
		}
		return out
	}
	shown, run := bodies("example_test.go"), bodies("example_sim_test.go")
	require.NotEmpty(t, shown)
	assert.Equal(t, run, shown)
}
