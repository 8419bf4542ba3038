//go:build ignore

// Mutants proves that each check can fail: for every check in the README's testing
// table it makes the one change the table names in a scratch copy of the committed
// tree, runs that check there, and expects it to fail with the output the table
// describes; for test and asan it also makes the second change docs/testing.md names.
// A mutant that survives (its check passes, or fails otherwise) fails the program.
//
//	go run scripts/mutants/main.go [-run regexp] [-keep]
//
// `make mutants` runs it. The unchanged tree passing the same checks is `make check`'s
// job; run it first.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// mutant is one change and the check that must catch it.
type mutant struct {
	check    string   // the check, as the README's table names it
	file     string   // the file changed, from the module root
	old, new string   // the text replaced; old must occur in file exactly once
	cmd      []string // the check, run from the copy's root
	want     string   // what its output must say
}

const sim = "-tags=zconsolesim"

var mutants = []mutant{
	{"vet", "zconsole/c/stub.go",
		"var errNoConsole = ",
		"var _ = fmt.Sprintf(\"%d\", \"x\")\n\nvar errNoConsole = ",
		[]string{"make", "vet"}, "fmt.Sprintf format %d has arg \"x\" of wrong type string"},
	{"staticcheck", "zconsole/handle.go",
		"return h.wait(context.Background())",
		"return h.wait(nil)",
		[]string{"make", "staticcheck"}, "SA1012"},
	{"check-c", "zconsole/c/sim_comm.c",
		"void sim_boot(void)\n{\n",
		"void sim_boot(void)\n{\n\tint unused_mutant;\n",
		[]string{"make", "check-c"}, "unused variable"},
	{"check-zos", "zconsole/c/svc_zos.c",
		"SAM31", "SAM13",
		[]string{"make", "check-zos"}, "invalid instruction"},
	{"test", "zconsole/c/protocol.c",
		"[ZC_CIB_VERB] == ZC_VERB_START", "[ZC_CIB_VERB] & ZC_VERB_START",
		[]string{"go", "test", sim, "-count=1", "./zconsole"}, "TestInitTakesOnlyStart"},
	{"test", "zconsole/wait.go",
		"const yieldsBeforeWatch = 2", "const yieldsBeforeWatch = 0",
		[]string{"go", "test", sim, "-count=1", "-run", "TestWaitYieldsBeforeItAsksForAWAIT", "./zconsole"},
		"TestWaitYieldsBeforeItAsksForAWAIT"},
	{"test", "zconsole/handle.go",
		"\th.keepStart()\n", "",
		[]string{"go", "test", sim, "-count=1", "-run", "TestStartKeptAcrossKillAndClose", "./zconsole"},
		"TestStartKeptAcrossKillAndClose"},
	{"test", "zconsole/handle.go",
		"if err := h.cancelAsks(); err != nil { // an Ask not cancelled would wait for its reply",
		"if err := h.cancelAsks(); err != nil && false {",
		[]string{"go", "test", sim, "-count=1", "-run", "TestCloseWhoseAskCancelFailedTriesAgain", "./zconsole"},
		"TestCloseWhoseAskCancelFailedTriesAgain"},
	{"race", "zconsole/wait.go",
		"\th.mu.Lock()\n\tdefer h.mu.Unlock()\n\tif h.killed.Load() {\n\t\treturn nil, ErrKilled\n\t}\n",
		"\tif h.killed.Load() {\n\t\treturn nil, ErrKilled\n\t}\n",
		[]string{"go", "test", sim, "-race", "-count=1", "./zconsole"}, "DATA RACE"},
	{"asan", "zconsole/c/protocol.c",
		"\trc = set_limit(z, 0, f);\n\tmemset(z->eye, 0, sizeof z->eye);\n\tzc_storage_release31(z, sizeof *z);\n",
		"\trc = set_limit(z, 0, f);\n\tzc_storage_release31(z, sizeof *z);\n\tmemset(z->eye, 0, sizeof z->eye);\n",
		[]string{"go", "test", sim, "-asan", "-count=1", "-run", "TestKill", "./zconsole"}, "use-after-poison"},
	{"test", "zconsole/c/zc_svc.h",
		"\treturn word & 0x7FFFFFFFu;", "\treturn word;",
		[]string{"go", "test", sim, "-count=1", "-run", "TestSystemPointersWithBitZeroSet", "./zconsole"}, "SIGSEGV"},
	{"test", "zconsole/c/zc.h",
		"#define ZC_CIB_VERB    4 ", "#define ZC_CIB_VERB    5 ",
		[]string{"go", "test", "-count=1", "./internal/zc/mkzc"}, "run go generate ./internal/zc"},
	{"asan", "zconsole/c/wto.c",
		"\t\task_drop_wpl(z);\n\t\treturn ZC_RETIRED;",
		"\t\task_release(z);\n\t\treturn ZC_RETIRED;",
		[]string{"go", "test", sim, "-asan", "-count=1", "-run", "TestAskLateReplyAfterDOM", "./zconsole"}, "use-after-poison"},
	{"test-s390x", "zconsole/c/protocol.c",
		"zc_put32(&z->ecblist[1], zc_addr(&z->killecb) | ZC_LIST_LAST);",
		"z->ecblist[1] = __builtin_bswap32(zc_addr(&z->killecb) | ZC_LIST_LAST);",
		[]string{"scripts/test-s390x.sh", "-test.run", "TestKillDuringWait"}, "FAIL"},
	{"fuzz-smoke", "zconsole/internal/console/syntax.go",
		"case r == '\\'':", "case r == '\\'' || r == '\"':",
		[]string{"go", "test", sim, "-run", "^$", "-fuzz", "^FuzzSyntax$", "-fuzztime", "30s", "./zconsole/internal/console"}, "Failing input written"},
	{"stress", "zconsole/wait.go",
		"\tif h.watch == nil {\n\t\th.watch = startWatch(h.area)\n",
		"\tif true { // a WAIT for every Wait that sleeps\n\t\th.watch = startWatch(h.area)\n",
		[]string{"go", "test", sim, "-count=1", "-run", "^TestStress$", "./zconsole"}, "abend S301"},
}

func main() {
	run := flag.String("run", "", "run only the mutants whose check matches this `regexp`")
	keep := flag.Bool("keep", false, "keep the scratch copies")
	flag.Parse()
	only, err := regexp.Compile(*run)
	if err != nil {
		fail("-run: %v", err)
	}
	survived := 0
	for _, m := range mutants {
		if !only.MatchString(m.check) {
			continue
		}
		start := time.Now()
		out, err := try(m, *keep)
		took := time.Since(start).Round(time.Second)
		switch {
		case err != nil:
			fmt.Printf("mutants: %-11s ERROR %v\n", m.check, err)
			survived++
		case out == "":
			fmt.Printf("mutants: %-11s caught (%v): %s\n", m.check, took, m.want)
		default:
			fmt.Printf("mutants: %-11s SURVIVED (%v): %s\n", m.check, took, indent(out))
			survived++
		}
	}
	if survived > 0 {
		fail("%d mutant(s) not caught as the README says", survived)
	}
}

// try makes m in a scratch copy of HEAD and runs its check there. It returns "" when the
// check failed with the output m wants, else why not and the output.
func try(m mutant, keep bool) (string, error) {
	dir, err := os.MkdirTemp("", "zconsole-mutant-")
	if err != nil {
		return "", err
	}
	if !keep {
		defer os.RemoveAll(dir)
	}
	archive := exec.Command("sh", "-c", "git archive HEAD | tar -x -C "+dir)
	if out, err := archive.CombinedOutput(); err != nil {
		return "", fmt.Errorf("copy the tree: %v: %s", err, out)
	}
	path := filepath.Join(dir, m.file)
	src, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	if n := strings.Count(string(src), m.old); n != 1 && m.check != "check-zos" {
		return "", fmt.Errorf("%s: %q occurs %d times, not once: the table is out of date", m.file, m.old, n)
	} else if n == 0 {
		return "", fmt.Errorf("%s: %q does not occur: the table is out of date", m.file, m.old)
	}
	mutated := strings.ReplaceAll(string(src), m.old, m.new)
	if err := os.WriteFile(path, []byte(mutated), 0o644); err != nil {
		return "", err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, m.cmd[0], m.cmd[1:]...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	switch {
	case err == nil:
		return "the check passed", nil
	case !strings.Contains(out.String(), m.want):
		return fmt.Sprintf("the check failed, but its output lacks %q:\n%s", m.want, tail(out.String(), 30)), nil
	}
	return "", nil
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func indent(s string) string { return "    " + strings.ReplaceAll(s, "\n", "\n    ") }

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "mutants: "+format+"\n", args...)
	os.Exit(1)
}
