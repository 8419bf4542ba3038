package console

import (
	"fmt"
	"strings"
	"sync"

	"github.com/go-zos/zconsole/internal/zc"
	"github.com/go-zos/zconsole/zconsole/internal/mvs"
)

// ident is the identifier S job.identifier gave the simulated job: "" when START gave
// none (the identifier is then the job name) and for a job Reset made.
var ident struct {
	mu sync.Mutex
	id string
}

func setIdent(id string) {
	ident.mu.Lock()
	ident.id = id
	ident.mu.Unlock()
}

// Identifier returns the simulated job's identifier: the one S job.identifier gave it,
// else the job name, as MVS assigns it ("" without the simulator).
func Identifier() string {
	ident.mu.Lock()
	id := ident.id
	ident.mu.Unlock()
	if id == "" {
		return mvs.Job()
	}
	return id
}

// ASID is the simulated job's address space id, ASCBASID's and CIBASID's.
const ASID = zc.SIM_ASID

// addressed reports whether p's [jobname.]identifier names the simulated job: job.id
// when both are the job's; one name when it is the identifier or the job name.
func addressed(p parsed) bool {
	job, id := mvs.Job(), Identifier()
	if p.hasIdent {
		return p.target == job && p.ident == id
	}
	return p.target == id || p.target == job
}

// startName splits the name S takes, membername[.identifier], in upper case; each part
// must be a job name. A name without an identifier gives id "".
func startName(name string) (job, id string, err error) {
	u := strings.ToUpper(name)
	job, id, dotted := strings.Cut(u, ".")
	if !validJob(job) || (dotted && !validJob(id)) {
		return "", "", fmt.Errorf("%w: %q is not a job name or job.identifier (each 1-8 of A-Z 0-9 @ # $, not starting with a digit)", ErrInvalid, name)
	}
	return job, id, nil
}
