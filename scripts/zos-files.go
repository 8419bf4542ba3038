//go:build ignore

// zos-files lists what the go command would build for z/OS (GOOS=zos, GOARCH=s390x, cgo,
// no zconsolesim tag) in every package under the module root, one path a line:
//
//	go run scripts/zos-files.go          the C files z/OS compiles
//	go run scripts/zos-files.go -go      the Go files z/OS compiles that no build
//	                                     type-checked here compiles (it should be none)
//	go run scripts/zos-files.go -calls   the C functions the Go files z/OS compiles call
//	                                     (C.name(...)), which the z/OS C must define
//
// Mainline Go has no zos port, so `go list` refuses GOOS=zos. But go/build knows "zos" as
// an operating system: a build.Context with GOOS=zos evaluates each file's //go:build line
// and its _GOOS/_GOARCH name suffix exactly as the go command would on z/OS, so a file
// lands in the list when z/OS would build it, however its constraint is written.
//
// The builds type-checked here (by go vet and the tests) are linux with cgo, with and
// without the zconsolesim tag, and linux without cgo. A Go file that only z/OS compiles
// would be type-checked nowhere: `go vet -tags zos` cannot work off z/OS, as the tag also
// selects the standard library's z/OS files.
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

func context(goos, goarch string, cgo bool, tags ...string) build.Context {
	ctx := build.Default
	ctx.GOOS, ctx.GOARCH, ctx.CgoEnabled, ctx.BuildTags = goos, goarch, cgo, tags
	return ctx
}

func main() {
	goFiles := flag.Bool("go", false, "list the Go files only z/OS compiles")
	calls := flag.Bool("calls", false, "list the C functions the z/OS Go files call")
	flag.Parse()
	called := map[string]bool{}
	zos := context("zos", "s390x", true)
	here := []build.Context{
		context("linux", "amd64", true, "zconsolesim"),
		context("linux", "amd64", true),
		context("linux", "amd64", false),
	}

	n := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if name := d.Name(); path != "." && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			return filepath.SkipDir
		}
		pkg, err := zos.ImportDir(path, 0)
		if _, ok := err.(*build.NoGoError); ok {
			return nil
		} else if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if *calls {
			return cCalls(path, pkg.CgoFiles, called)
		}
		if !*goFiles {
			for _, f := range pkg.CFiles {
				fmt.Println(filepath.Join(path, f))
				n++
			}
			return nil
		}
		checked := map[string]bool{}
		for _, ctx := range here {
			p, err := ctx.ImportDir(path, 0)
			if err != nil {
				continue
			}
			for _, f := range append(p.GoFiles, p.CgoFiles...) {
				checked[f] = true
			}
		}
		for _, f := range append(pkg.GoFiles, pkg.CgoFiles...) {
			if !checked[f] {
				fmt.Println(filepath.Join(path, f))
			}
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "zos-files:", err)
		os.Exit(1)
	}
	for name := range called {
		fmt.Println(name)
	}
	if !*goFiles && !*calls && n == 0 {
		fmt.Fprintln(os.Stderr, "zos-files: no C file is built for z/OS")
		os.Exit(1)
	}
}

// cgoBuiltins are the functions cgo itself provides to Go code, and the C types a
// conversion calls like a function: neither needs a definition in the C.
var cgoBuiltins = map[string]bool{
	"CString": true, "CBytes": true, "GoString": true, "GoStringN": true, "GoBytes": true,
	"char": true, "schar": true, "uchar": true, "short": true, "ushort": true, "int": true,
	"uint": true, "long": true, "ulong": true, "longlong": true, "ulonglong": true,
	"float": true, "double": true,
}

// cCalls adds to called the names of the C functions that the cgo files in dir call.
func cCalls(dir string, files []string, called map[string]bool) error {
	fset := token.NewFileSet()
	for _, f := range files {
		file, err := parser.ParseFile(fset, filepath.Join(dir, f), nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			name := sel.Sel.Name
			if x, ok := sel.X.(*ast.Ident); ok && x.Name == "C" && !cgoBuiltins[name] && !strings.HasSuffix(name, "_t") {
				called[name] = true
			}
			return true
		})
	}
	return nil
}
