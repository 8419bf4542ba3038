package sim

import (
	"github.com/go-zos/zconsole/internal/errwrap"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/internal/console"
	"github.com/go-zos/zconsole/zconsole/internal/mvs"
)

// Reset starts a fresh simulated system in which this process is job job, not started
// by START: the communications area is empty, the queue limit 0, the log empty, and no
// fault armed. It fails with [ErrOpen] while a zconsole handle is open or a WTOR is
// outstanding, and with [ErrInvalid] for a name that is not a job name.
func Reset(job string) error { return console.Reset(job) }

// Start is [Reset] for a job started by the operator with S job,,,parm: the START CIB,
// carrying parm as a console passes it (upper case outside apostrophes, apostrophes
// kept), is queued, and the program's first Wait returns it. The whole command must fit
// a console's 126 characters. The options say which console typed it ([From]).
//
// job may give the job an identifier as S does, job.identifier ("DEMO.WEB": job DEMO,
// identifier WEB); without one the identifier is the job name. Each part is a job name,
// 1 to 8 of A-Z 0-9 @ # $ not starting with a digit; another name fails with
// [ErrInvalid].
func Start(job, parm string, opts ...CommandOption) error {
	return console.Start(job, parm, originOf(opts))
}

// Job returns the simulated job name.
func Job() string { return console.Job() }

// Identifier returns the simulated job's identifier: the one [Start] gave it with
// job.identifier, else the job name ("" without the simulator). The program itself
// cannot learn it: see zconsole.TaskInfo.
func Identifier() string { return console.Identifier() }

// SetCodePage sets the code page of the simulated system's consoles: [zconsole.IBM1047]
// (the simulator's default), [zconsole.IBM037] or [zconsole.IBM1140]. From when it
// returns, what the operator types ([Command], the START parameters of [Start], a reply
// R nn,text) is encoded in p, a character p lacks being refused as a console refuses it
// ([ErrInvalid]), and [Log] shows the program's messages and the replies in p. The
// program chooses its own code page with [zconsole.SetCodePage]: when the two differ,
// '[', ']', '¬' and '^' arrive and show as other characters, as on a real system whose
// program and consoles disagree.
//
// The code page is the system's, like its console definitions: Reset and Start keep
// it, so a test that changes it sets it back. The log keeps the commands as typed and
// the system's own messages (IEE305I, IEE600I's prefix, ...) as text, so they read the
// same in every code page. For another code page SetCodePage returns an error wrapping
// [ErrInvalid] and changes nothing.
func SetCodePage(p zconsole.CodePage) error {
	if err := console.Missing(); err != nil {
		return errwrap.Op("sim", "set code page", err)
	}
	return errwrap.Op("sim", "set code page", console.SetPage(int(p)))
}

// Statistics are the simulated system's counters.
type Statistics struct {
	ProgramBlocks uint64 // blocks of 31-bit storage the program holds
	ProgramBytes  uint64
	SystemBlocks  uint64 // blocks the system holds: COM area, ECB, queued CIBs
	SystemBytes   uint64
	Abends        uint64         // program errors the simulator caught since Reset
	LastAbend     int            // the completion code of the last one
	QueueLimit    int            // CIBCTR as last set
	Queued        int            // START and MODIFY CIBs on the chain
	StopQueued    bool           // a STOP CIB is on the chain
	SVCs          map[int]uint64 // SVCs issued since Reset, by number
}

// Stats reads the simulated system's counters (all zero without the simulator).
func Stats() Statistics {
	n := mvs.Stats()
	s := Statistics{
		ProgramBlocks: n.ProgramBlocks, ProgramBytes: n.ProgramBytes,
		SystemBlocks: n.SystemBlocks, SystemBytes: n.SystemBytes,
		Abends: n.Abends, LastAbend: int(n.LastAbend),
		QueueLimit: int(n.CIBCTR), Queued: int(n.Queued), StopQueued: n.StopQueued,
		SVCs: map[int]uint64{},
	}
	for i, v := range n.SVCs {
		if v != 0 {
			s.SVCs[i] = v
		}
	}
	return s
}

// Inject arms a fault: supervisor call f.SVC lets f.Skip calls through, then fails the
// next f.Times calls (-1: every call until Reset) with return code f.RC, doing nothing
// else. An SVC takes one fault at a time; Inject replaces the one armed for it. Use it
// to see how a program copes with a service failing.
func Inject(f Fault) { mvs.FailSVC(f.SVC, uint32(f.RC), f.Skip, f.Times) }

// FailStorage makes the next times requests for 31-bit storage fail.
func FailStorage(times int) { mvs.FailStorage(times) }

// NoCOM makes EXTRACT find no communications area (as for a program that has none)
// while on is true.
func NoCOM(on bool) { mvs.NoCOM(on) }
