package mvs

import "time"

// BadJob is what Reset returns for a job name that is not at most 8 characters
// IBM-1047 encodes; its other results are Queue's (zc.SIM_QUEUED, ...).
const BadJob = -1

// Record is one console-log record, undecoded.
type Record struct {
	Seq   uint64
	Time  time.Time
	Kind  int    // zc.SIM_LOG_*
	MsgID uint32 // a WTO's or a DOM's message id
	Data  []byte // laid out as sim_api.h says for the kind
}

// Counts are the simulated system's counters.
type Counts struct {
	ProgramBlocks, ProgramBytes, ProgramObtained uint64
	SystemBlocks, SystemBytes, SystemObtained    uint64
	Abends                                       uint64
	LongWaits                                    uint64 // WAITs issued with LONG=YES
	LastAbend                                    uint32
	CIBCTR, Queued                               uint32
	StopQueued                                   bool
	SVCs                                         [256]uint64
}
