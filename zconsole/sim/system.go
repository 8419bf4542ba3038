//go:build cgo && zconsolesim

package sim

import (
	"fmt"
	"strings"

	"github.com/go-zos/zconsole/internal/zc"
	"github.com/go-zos/zconsole/zconsole"
	"github.com/go-zos/zconsole/zconsole/c"
	"github.com/go-zos/zconsole/zconsole/internal/mvs"
)

// Reset starts a fresh simulated system in which this process is job job, not started
// by START: the communications area is empty, the queue limit 0, the log empty, and no
// fault armed. It fails with [ErrOpen] while a zconsole handle is open or a WTOR is
// outstanding, and with [ErrInvalid] for a name that is not a job name.
func Reset(job string) error {
	job, err := jobName(job)
	if err != nil {
		return err
	}
	if err := inUse(); err != nil {
		return fmt.Errorf("sim: reset: %w", err)
	}
	if r := mvs.Reset(job, nil); r != zc.SIM_QUEUED {
		return fmt.Errorf("sim: reset: %s", queueProblem(r))
	}
	return nil
}

// Start is [Reset] for a job started by the operator with S job,,,parm: the START CIB,
// carrying parm as a console passes it (upper case outside apostrophes, apostrophes
// kept), is queued, and the program's first Wait returns it. The whole command must fit
// a console's 126 characters.
func Start(job, parm string, opts ...CommandOption) error {
	name, err := jobName(job)
	if err != nil {
		return err
	}
	typed := "S " + name
	if parm != "" {
		typed += ",,," + parm
	}
	typed, err = enterable(typed)
	if err != nil {
		return fmt.Errorf("sim: start: %w", err)
	}
	typed = fold(typed)
	_, data, _ := strings.Cut(typed, ",,,")
	img, err := cibImage(zc.VERB_START, data, originOf(opts), page())
	if err != nil {
		return fmt.Errorf("sim: start: %w", err)
	}
	if err := inUse(); err != nil {
		return fmt.Errorf("sim: start: %w", err)
	}
	if r := mvs.Reset(name, img); r != zc.SIM_QUEUED {
		return fmt.Errorf("sim: start: %s", queueProblem(r))
	}
	mvs.Log(zc.SIM_LOG_COMMAND, []byte(typed))
	return nil
}

// inUse reports why the system cannot be torn down: the program has a handle open, or
// is waiting for the answer to a WTOR (whose wait a reset would strand).
func inUse() error {
	if c.Opened() {
		return fmt.Errorf("%w: a zconsole handle is open", ErrOpen)
	}
	if ids := mvs.Outstanding(); len(ids) > 0 {
		return fmt.Errorf("%w: WTOR replies %02d are outstanding", ErrOpen, ids)
	}
	return nil
}

// Job returns the simulated job name.
func Job() string { return mvs.Job() }

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
	t, err := pageOf(p)
	if err != nil {
		return fmt.Errorf("sim: set code page: %w", err)
	}
	systemPage.Store(t)
	return nil
}

func jobName(job string) (string, error) {
	j := strings.ToUpper(job)
	if !validJob(j) {
		return "", fmt.Errorf("%w: %q is not a job name (1-8 of A-Z 0-9 @ # $, not starting with a digit)", ErrInvalid, job)
	}
	return j, nil
}

func queueProblem(r int) string {
	switch r {
	case zc.SIM_NOSTORAGE:
		return "the system has no storage for it"
	case zc.SIM_BADCIB:
		return "the CIB image does not hold together"
	case mvs.BadJob:
		return "the job name does not encode in 8 bytes of IBM-1047"
	case zc.SIM_BUSY:
		return "busy"
	}
	return fmt.Sprintf("queue result %d", r)
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

// Stats reads the simulated system's counters.
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
