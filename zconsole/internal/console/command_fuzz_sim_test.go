//go:build cgo && zconsolesim

package console_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/internal/console"
	. "github.com/go-zos/zconsole/zconsole/sim"
)

// FuzzCommand: any text typed at the console, against a program whose queue limit is
// the fuzzer's, end to end through the C system and the program's Wait, with program
// and system in the same code page, the fuzzer's choice. Command either puts exactly
// one CIB on the chain, which Wait returns as the operator meant it, or refuses with one
// of the package's errors and the message the system would show; the log holds the
// command as the console took it; nothing is left queued, held or abended.
func FuzzCommand(f *testing.F) {
	for i, s := range console.CommandSeeds {
		f.Add(s, uint8(5), uint8(i))
	}
	f.Add("F DEMO,FULL", uint8(0), uint8(0))
	f.Add("F DEMO,'[x]' ¬^ 5€", uint8(1), uint8(2))
	pages := []zconsole.CodePage{zconsole.IBM1047, zconsole.IBM037, zconsole.IBM1140}
	f.Fuzz(func(t *testing.T, text string, limit, page uint8) {
		p := pages[int(page)%len(pages)]
		if err := zconsole.SetCodePage(p); err != nil {
			t.Fatal(err)
		}
		if err := SetCodePage(p); err != nil {
			t.Fatal(err)
		}
		defer func() {
			_ = zconsole.SetCodePage(zconsole.IBM1047)
			_ = SetCodePage(zconsole.IBM1047)
		}()
		if err := Reset("DEMO"); err != nil {
			t.Fatal(err)
		}
		h, err := zconsole.Init(zconsole.WithQueueLimit(int(limit)))
		if err != nil {
			t.Fatal(err)
		}
		closed := false
		t.Cleanup(func() {
			if !closed {
				_ = h.Close()
			}
		})

		err = Command(text)
		log := Log()
		in, typable := console.Enterable(text)
		switch {
		case typable != nil:
			if !errors.Is(err, ErrInvalid) || len(log) != 0 {
				t.Fatalf("Command(%q): %v, log %v; the console refuses it (%v) and logs nothing", text, err, log, typable)
			}
		case len(log) == 0 || log[0].Kind != KindCommand || log[0].Text != console.Fold(in):
			t.Fatalf("Command(%q): the log does not start with the command as taken: %v", text, log)
		case err == nil:
			if len(log) != 1 {
				t.Fatalf("Command(%q) accepted, but the system said more: %v", text, log)
			}
		case errors.Is(err, ErrInvalid):
			mustSay(t, text, log, "IEE305I")
		case errors.Is(err, ErrNotActive):
			mustSay(t, text, log, "IEE341I")
		case errors.Is(err, ErrRejected) && (verbOf(text) == "S" || verbOf(text) == "START"):
			mustSay(t, text, log, "IEA602I") // START: the system has one address space
		case errors.Is(err, ErrRejected):
			mustSay(t, text, log, "IEE342I")
		default:
			t.Fatalf("Command(%q): %v, not one of the package's errors", text, err)
		}

		s := Stats()
		queued := s.Queued
		if s.StopQueued {
			queued++
		}
		if (err == nil) != (queued == 1) || queued > 1 {
			t.Fatalf("Command(%q): %v, and %d CIBs queued", text, err, queued)
		}
		if err == nil {
			cmd, werr := zconsole.Wait(h)
			if werr != nil {
				t.Fatalf("Command(%q) accepted, Wait: %v", text, werr)
			}
			switch cmd.Verb {
			case zconsole.Modify:
				if want := strings.TrimRight(console.ParsedText(console.Fold(in)), " \x00"); cmd.Text != want {
					t.Fatalf("Command(%q): Wait returned %q, want %q", text, cmd.Text, want)
				}
				if !strings.Contains(text, "'") && strings.ContainsFunc(cmd.Text, isLowerAZ) {
					t.Fatalf("Command(%q): lower case outside apostrophes in %q", text, cmd.Text)
				}
			case zconsole.Stop:
				if cmd.Text != "" {
					t.Fatalf("Command(%q): STOP with text %q", text, cmd.Text)
				}
			default:
				t.Fatalf("Command(%q): Wait returned %v", text, cmd)
			}
			if cmd.Console != MasterConsole.Name || cmd.ConsoleID != MasterConsole.ID {
				t.Fatalf("Command(%q): from %q (%d)", text, cmd.Console, cmd.ConsoleID)
			}
		}

		closed = true
		if err := h.Close(); err != nil {
			t.Fatal(err)
		}
		if s := Stats(); s.Queued != 0 || s.StopQueued || s.ProgramBlocks != 0 || s.Abends != 0 {
			t.Fatalf("Command(%q): afterwards %+v", text, s)
		}
	})
}

// verbOf is the first word of text in upper case.
func verbOf(text string) string {
	if f := strings.Fields(strings.ToUpper(text)); len(f) > 0 {
		return f[0]
	}
	return ""
}

func isLowerAZ(r rune) bool { return r >= 'a' && r <= 'z' }

// mustSay fails unless the log's second message is the system's msgid.
func mustSay(t *testing.T, text string, log []Message, msgid string) {
	t.Helper()
	if len(log) != 2 || log[1].Kind != KindSystem || !strings.HasPrefix(log[1].Text, msgid) {
		t.Fatalf("Command(%q): the system should say %s: %v", text, msgid, log)
	}
}
