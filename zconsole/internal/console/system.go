package console

import (
	"fmt"
	"strings"

	"github.com/go-zos/zconsole/internal/errwrap"
	"github.com/go-zos/zconsole/internal/zc"
	"github.com/go-zos/zconsole/zconsole/c"
	"github.com/go-zos/zconsole/zconsole/internal/mvs"
)

// Reset starts a fresh simulated system in which this process is job job, not started
// by START (package sim's Reset).
func Reset(job string) error {
	if err := Missing(); err != nil {
		return errwrap.Op(prefix, "reset", err)
	}
	job, err := jobName(job)
	if err != nil {
		return err
	}
	if err := inUse(); err != nil {
		return errwrap.Op(prefix, "reset", err)
	}
	if r := mvs.Reset(job, nil); r != zc.SIM_QUEUED {
		return fmt.Errorf("sim: reset: %s", queueProblem(r))
	}
	setIdent("")
	return nil
}

// Start is Reset for a job started by the operator with S job[.identifier],,,parm from
// origin o (package sim's Start).
func Start(job, parm string, o Origin) error {
	if err := Missing(); err != nil {
		return errwrap.Op(prefix, "start", err)
	}
	name, id, err := startName(job)
	if err != nil {
		return err
	}
	typed := "S " + name
	if id != "" {
		typed += "." + id
	}
	if parm != "" {
		typed += ",,," + parm
	}
	typed, err = enterable(typed)
	if err != nil {
		return errwrap.Op(prefix, "start", err)
	}
	typed = fold(typed)
	_, data, _ := strings.Cut(typed, ",,,")
	img, err := cibImage(zc.VERB_START, data, o, page())
	if err != nil {
		return errwrap.Op(prefix, "start", err)
	}
	if err := inUse(); err != nil {
		return errwrap.Op(prefix, "start", err)
	}
	if r := mvs.Reset(name, img); r != zc.SIM_QUEUED {
		return fmt.Errorf("sim: start: %s", queueProblem(r))
	}
	setIdent(id)
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

// Job returns the simulated job name ("" without the simulator).
func Job() string { return mvs.Job() }

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
