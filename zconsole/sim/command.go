package sim

import "github.com/go-zos/zconsole/zconsole/internal/console"

// Command enters text at a console as an operator types it:
//
//	F job,text   MODIFY job,text   P job   STOP job   R nn,text   REPLY nn,text
//
// The console's rules apply first (126 characters at most, characters the system's code
// page has, upper case outside apostrophes), then the system's: the job must be this one
// (IEE341I, [ErrNotActive]); a MODIFY beyond the program's queue limit, or a STOP while
// another is queued, is refused (IEE342I, [ErrRejected]); other syntax is refused
// (IEE305I, [ErrInvalid]). The command and any refusal go into the log. When Command
// returns nil, the CIB is on the job's chain and the program's Wait will return it.
//
// F and P name the job as MVS takes it, [jobname.]identifier, with an optional last
// operand A=asid: F job.id,text,A=asid and P job.id,A=asid. One name reaches the job
// when it is the job's identifier ([Identifier]) or its job name; job.id when both are
// the job's. A=asid, the address space id in hexadecimal (1 to 4 digits), must be the
// job's, X'0021' (zconsole.TaskInfo's ASID); another asid, or one that is not
// hexadecimal, gets IEE341I as a name that is not the job's does. An A= operand is the
// last operand, after a comma outside apostrophes: F DEMO,'X,A=1' carries X,A=1 in
// apostrophes to the program, and F DEMO,A=0021 has no text for it (IEE305I).
//
// R nn,text answers the program's WTOR with reply id nn (see [Asked]): the text, upper
// case unless in apostrophes, is in the program's reply buffer and its ECB posted when
// Command returns nil, and the system's IEE600I is in the log. A reply id no WTOR has,
// or a reply longer than the program takes, is refused (IEE305I, [ErrInvalid]; the
// first also [ErrNotOutstanding]) and the WTOR stays as it was.
//
// S job or S job.identifier (START) is refused with IEA602I ADDRESS SPACE CREATE
// FAILED. MAXUSERS WOULD HAVE BEEN EXCEEDED ([ErrRejected]): z/OS would start the job in
// a new address space, and the simulated system has one, this process's, as if MAXUSER
// were 1. [Start] is the START that begins the job.
func Command(text string, opts ...CommandOption) error {
	return console.Command(text, originOf(opts))
}

// Outstanding returns the reply ids of the WTORs waiting for a reply, oldest first.
func Outstanding() []int { return console.Outstanding() }
