package main

// The demo's messages to the operator, in the z/OS form: the prefix DMO, a number, and
// the type code of MVS messages (z/OS MVS System Messages, "Format of the message
// body": https://www.ibm.com/docs/en/zos/3.1.0?topic=mf-format-message-body-1):
//
//	I  information: no action needed
//	E  eventual action: the operator should do something, the demo goes on
//	D  immediate decision: a question (WTOR) whose replies the message names
//	A  immediate action: the demo waits until the operator has done what it asks
//
// W (a system wait state) is never used. The messages of package zconsole/serve
// (ZCN...) and these are listed in one table, docs/messages.md, which a test holds to
// this file.
const (
	msgReady         = "DMO001I" // the demo takes commands
	msgStatus        = "DMO002I" // F DEMO,STATUS
	msgEcho          = "DMO003I" // F DEMO,ECHO 'text'
	msgSettings      = "DMO004I" // the settings in force, after START or SET
	msgNotRun        = "DMO005E" // a command whose operands the demo cannot use
	msgWorkStart     = "DMO010I" // work started
	msgWorkEnd       = "DMO011I" // work ended
	msgWorkCanc      = "DMO012I" // work cancelled by the operator (CANCEL, YES)
	msgWorkCut       = "DMO013E" // work cut short by a forced stop or the grace period
	msgWorkNot       = "DMO014I" // WORK refused: the demo is stopping
	msgAskCancel     = "DMO020D" // the question of F DEMO,CANCEL
	msgCancelled     = "DMO021I" // the operator replied YES
	msgKept          = "DMO022I" // any other reply: nothing cancelled
	msgNoWork        = "DMO023I" // CANCEL with no work running
	msgWithdrawn     = "DMO024I" // the question was deleted: the demo is stopping
	msgAsking        = "DMO025I" // CANCEL while its question is outstanding
	msgNotUnderstood = "DMO026I" // a reply neither YES nor NO: the question is asked again
	msgStopping      = "DMO030I" // the stop has begun: STOP, signal or idle period
	msgForced        = "DMO031I" // the stop was forced: work is cut
	msgEnded         = "DMO039I" // the last message: return code and how long the stop took
	msgBadParm       = "DMO040E" // PARM parameters the demo cannot use: it ends, RC=8
	msgNoConsole     = "DMO041E" // the console cannot be opened: it ends, RC=8
	msgSummary       = "DMO999I" // the log's summary: records kept off the console (log.go)

	// DMO900A-DMO903I are the operator test's, in manual_test.go.
)

// Return codes of the demo: the exit status, which BPXBATSL makes the step's
// completion code.
const (
	rcOK     = 0  // stopped; nothing was cut short
	rcUsage  = 2  // a flag the demo does not know
	rcCut    = 4  // stopped, but running work was cut short (a forced stop, the grace period)
	rcError  = 8  // could not start: bad PARM parameters, no console
	rcScript = 12 // the simulated operator's script failed (zconsolesim only)
)
