// Mkzc writes the Go side of the numbers the C headers of zconsole/c define: every
// control-block offset, code, flag, limit and supervisor-call number is written once,
// in C, and the Go code reads it from what mkzc makes of it.
//
//	go generate ./internal/zc     (or: go run ./internal/zc/mkzc)
//
// It reads each #define of an integer and each enum member named ZC_* or ZCSIM_* in the
// headers below, in order, and writes:
//
//   - internal/zc/zconst.go: a Go constant for each, named without its ZC_ prefix
//     (ZC_CIB_VERB is zc.CIB_VERB; ZCSIM_LOG_WTO is zc.SIM_LOG_WTO), for the Go code of
//     every build: the CIB decoder and the message preparation compile without cgo;
//   - zconsole/c/zconst.go: for the simulator build, each constant as the C compiler
//     sees it (through cgo) beside the Go one, which a test of package c holds equal;
//   - zconsole/internal/mvs/zsim_api.h: a copy of sim_api.h, the simulator's interface
//     to Go, which package mvs compiles against: the go command hashes a package's own
//     folder only, so a header included from another folder would go stale unseen.
//
// A test (main_test.go) generates all three again and fails when a file differs, so a
// header changed without go generate fails the tests.
package main

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/go-zos/zconsole/internal/testfiles"
)

// headers are the files read, from zconsole/c, in the order their constants are written.
var headers = []string{"zc_svc.h", "zc.h", "zc_wpl.h", "sim_api.h"}

// The files written, from the module root.
const (
	goFile    = "internal/zc/zconst.go"
	checkFile = "zconsole/c/zconst.go"
	copyFile  = "zconsole/internal/mvs/zsim_api.h"
	copyOf    = "sim_api.h"
)

// constant is one number a header defines.
type constant struct {
	header string // the file it is defined in
	cName  string // its name in C
	value  string // its value, a Go constant expression
	doc    string // the comment beside it, if any
}

// goName is a constant's name in package zc: the C name without ZC_, or ZCSIM_ made SIM_.
func (k constant) goName() string {
	if rest, ok := strings.CutPrefix(k.cName, "ZCSIM_"); ok {
		return "SIM_" + rest
	}
	return strings.TrimPrefix(k.cName, "ZC_")
}

var (
	defineRE = regexp.MustCompile(`^#define\s+(ZC(?:SIM)?_[A-Z0-9_]+)\s+(.*)$`)
	memberRE = regexp.MustCompile(`(?s)(ZC(?:SIM)?_[A-Z0-9_]+)\s*=\s*([^,/}]+?)\s*(?:,\s*)?(?:/\*(.*?)\*/)?\s*$`)
	numberRE = regexp.MustCompile(`\b(0[xX][0-9A-Fa-f]+|[0-9]+)[uU]?\b`)
	exprRE   = regexp.MustCompile(`^[-+*|&<>() 0]+$`) // with each number made 0
	spaceRE  = regexp.MustCompile(`\s+`)
)

// parse returns the constants header defines, in order: each #define of an integer
// expression and each enum member. A #define whose value is not an integer (a string,
// a macro with parameters, an include guard) is not a number and is left out; an enum
// member whose value mkzc cannot read is an error.
func parse(header, src string) ([]constant, error) {
	var out []constant
	lines := strings.Split(src, "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if m := defineRE.FindStringSubmatch(line); m != nil {
			value, doc, _ := strings.Cut(m[2], "/*")
			for doc != "" && !strings.Contains(doc, "*/") && i+1 < len(lines) {
				i++
				doc += " " + lines[i]
			}
			value = strings.TrimSpace(value)
			if value == "" || strings.HasPrefix(value, `"`) {
				continue
			}
			k, err := number(header, m[1], value, strings.TrimSuffix(strings.TrimSpace(doc), "*/"))
			if err != nil {
				return nil, err
			}
			out = append(out, k)
			continue
		}
		if !strings.Contains(line, "enum") || !strings.Contains(line, "{") {
			continue
		}
		body := line[strings.Index(line, "{")+1:]
		for !strings.Contains(body, "}") && i+1 < len(lines) {
			i++
			body += "\n" + lines[i]
		}
		body, _, _ = strings.Cut(body, "}")
		members, err := enumMembers(header, body)
		if err != nil {
			return nil, err
		}
		out = append(out, members...)
	}
	return out, nil
}

// enumMembers reads the members of an enum's body: NAME = value, each with the comment
// that follows it.
func enumMembers(header, body string) ([]constant, error) {
	var out []constant
	starts := regexp.MustCompile(`ZC(?:SIM)?_[A-Z0-9_]+\s*=`).FindAllStringIndex(body, -1)
	for j, s := range starts {
		end := len(body)
		if j+1 < len(starts) {
			end = starts[j+1][0]
		}
		m := memberRE.FindStringSubmatch(body[s[0]:end])
		if m == nil {
			return nil, fmt.Errorf("%s: cannot read the enum member %q", header, strings.TrimSpace(body[s[0]:end]))
		}
		k, err := number(header, m[1], m[2], m[3])
		if err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, nil
}

// number makes a constant of a C integer expression, its suffixes (u, U) dropped.
func number(header, name, value, doc string) (constant, error) {
	value = numberRE.ReplaceAllString(strings.TrimSpace(value), "$1")
	if !exprRE.MatchString(numberRE.ReplaceAllString(value, "0")) {
		return constant{}, fmt.Errorf("%s: %s = %s: not an integer expression mkzc reads", header, name, value)
	}
	doc = strings.TrimSpace(spaceRE.ReplaceAllString(doc, " "))
	return constant{header: header, cName: name, value: value, doc: doc}, nil
}

// read parses every header, from the folder dir.
func read(dir string) ([]constant, error) {
	var all []constant
	seen := map[string]string{}
	for _, h := range headers {
		src, err := os.ReadFile(filepath.Join(dir, h))
		if err != nil {
			return nil, err
		}
		ks, err := parse(h, string(src))
		if err != nil {
			return nil, err
		}
		for _, k := range ks {
			if prev, ok := seen[k.goName()]; ok {
				return nil, fmt.Errorf("%s: %s is defined again (first in %s)", h, k.cName, prev)
			}
			seen[k.goName()] = h
		}
		all = append(all, ks...)
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("no constants in %s", strings.Join(headers, ", "))
	}
	return all, nil
}

const banner = "// Code generated by mkzc from zconsole/c/%s; DO NOT EDIT.\n\n"

// goSource is internal/zc/zconst.go.
func goSource(ks []constant) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, banner, strings.Join(headers, ", "))
	b.WriteString("package zc\n")
	for i, k := range ks {
		if i == 0 || ks[i-1].header != k.header {
			if i > 0 {
				b.WriteString(")\n")
			}
			fmt.Fprintf(&b, "\n// From %s.\nconst (\n", k.header)
		}
		fmt.Fprintf(&b, "\t%s = %s", k.goName(), k.value)
		if k.doc != "" {
			fmt.Fprintf(&b, " // %s", k.doc)
		}
		b.WriteString("\n")
	}
	b.WriteString(")\n")
	return format.Source(b.Bytes())
}

// checkSource is zconsole/c/zconst.go.
func checkSource(ks []constant) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, banner, strings.Join(headers, ", "))
	b.WriteString(`//go:build cgo && zconsolesim

package c

/*
#include "zc.h"
#include "sim_api.h"
*/
import "C"

import "github.com/go-zos/zconsole/internal/zc"

// generated pairs each number the headers define, as the C compiler reads it, with the
// constant internal/zc gives the Go code for it. TestGeneratedConstants holds them equal.
var generated = [...]struct {
	name       string
	inC, inGo int64
}{
`)
	for _, k := range ks {
		fmt.Fprintf(&b, "\t{%q, C.%s, zc.%s},\n", k.goName(), k.cName, k.goName())
	}
	b.WriteString("}\n")
	return format.Source(b.Bytes())
}

// copySource is zconsole/internal/mvs/zsim_api.h.
func copySource(dir string) ([]byte, error) {
	src, err := os.ReadFile(filepath.Join(dir, copyOf))
	if err != nil {
		return nil, err
	}
	head := fmt.Sprintf("/* Code generated by mkzc from zconsole/c/%s; DO NOT EDIT. */\n", copyOf)
	return append([]byte(head), src...), nil
}

// generate returns each file mkzc writes, by its path from the module root.
func generate(root string) (map[string][]byte, error) {
	dir := filepath.Join(root, "zconsole", "c")
	ks, err := read(dir)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	if out[goFile], err = goSource(ks); err != nil {
		return nil, err
	}
	if out[checkFile], err = checkSource(ks); err != nil {
		return nil, err
	}
	if out[copyFile], err = copySource(dir); err != nil {
		return nil, err
	}
	return out, nil
}

func main() {
	root, err := testfiles.Root()
	if err == nil {
		var files map[string][]byte
		if files, err = generate(root); err == nil {
			for name, b := range files {
				if err = os.WriteFile(filepath.Join(root, filepath.FromSlash(name)), b, 0o644); err != nil {
					break
				}
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "mkzc:", err)
		os.Exit(1)
	}
}
