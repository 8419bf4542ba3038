package c_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// Every asm statement in svc_zos.c says it changes the condition code ("cc"): LLVM's
// SystemZ target does not assume an asm statement does, XL C documents the clobber, and
// an SVC may change it. No build here runs that file (only z/OS compiles it), so its
// text is read.
func TestZOSAsmDeclaresConditionCode(t *testing.T) {
	src, err := os.ReadFile("svc_zos.c")
	if err != nil {
		t.Fatal(err)
	}
	stmts := asmStatements(string(src))
	if len(stmts) < 2 {
		t.Fatalf("found %d asm statements in svc_zos.c, want the SVC's and the address check's", len(stmts))
	}
	for _, s := range stmts {
		if !strings.Contains(s, `"cc"`) {
			t.Errorf("an asm statement in svc_zos.c does not list \"cc\" among its clobbers:\n%s", s)
		}
	}
}

var comment = regexp.MustCompile(`(?s)/\*.*?\*/`)

// asmStatements returns the text of each __asm__ statement in the C source src, from
// the keyword to its closing parenthesis (parentheses inside strings not counted); a
// register variable's __asm__("rN"), which has no operands, is not one.
func asmStatements(src string) []string {
	src = comment.ReplaceAllString(src, "")
	var out []string
	for {
		at := strings.Index(src, "__asm__")
		if at < 0 {
			return out
		}
		src = src[at:]
		depth, end, inString := 0, -1, false
		for i := 0; i < len(src) && end < 0; i++ {
			switch ch := src[i]; {
			case inString && ch == '\\':
				i++
			case ch == '"':
				inString = !inString
			case inString:
			case ch == '(':
				depth++
			case ch == ')':
				depth--
				if depth == 0 {
					end = i + 1
				}
			}
		}
		if end < 0 {
			return append(out, src)
		}
		if strings.Contains(src[:end], ":") { // not a register variable's __asm__("rN")
			out = append(out, src[:end])
		}
		src = src[end:]
	}
}
