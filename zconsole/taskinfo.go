package zconsole

import (
	"github.com/go-zos/zconsole/internal/errwrap"
	"github.com/go-zos/zconsole/zconsole/c"
)

// TaskInfo says who this program is, as the system's control blocks do: what
// Python's taskinfo() returned, and the job name it meant to.
//
// It has no identifier (the WEB of S DEMO.WEB, by which the operator may name the task
// in F and P): IBM documents a started task's identifier as visible only at a console
// (https://www.ibm.com/docs/en/zos/2.1.0?topic=tasks-naming-started-task-source-jcl-is-job),
// and no control block field the program may read for it is confirmed (whether the
// CSCB's is one is UNCONFIRMED). Only the simulator knows it: package sim's Identifier
// gives it to a test. ASID is the asid of the operator's A=asid.
type TaskInfo struct {
	JobName string // the job's name: ASCBJBNI's for a job, ASCBJBNS's for a started task
	Started bool   // the name is ASCBJBNS's: the address space was made by START, MOUNT or LOGON
	ASID    uint16 // the address space id (ASCBASID)
	System  string // the system's name (CVTSNAME)
	ASCB    uint32 // the address space control block's address (PSAAOLD)
	TCB     uint32 // the calling thread's task control block's address (PSATOLD)
}

// Task reads [TaskInfo] from the PSA (PSATOLD X'21C', PSAAOLD X'224', FLCCVT X'10'),
// the ASCB (ASCBASID X'24', ASCBJBNI X'AC', ASCBJBNS X'B0') and the CVT (CVTSNAME
// X'154'). Goroutines move between threads, so TCB is that of whichever thread ran the
// call; the rest is the address space's. Task needs no [Handle].
func Task() (TaskInfo, error) {
	t, err := c.TaskInfo()
	if err != nil {
		return TaskInfo{}, errwrap.Op("zconsole", "task", fault(err))
	}
	p := currentPage()
	return TaskInfo{
		JobName: p.DecodeTrim(t.Job[:]),
		Started: t.Started,
		ASID:    t.ASID,
		System:  p.DecodeTrim(t.System[:]),
		ASCB:    t.ASCB,
		TCB:     t.TCB,
	}, nil
}
