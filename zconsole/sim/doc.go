// Package sim is the operator's side of the simulated MVS that package zconsole talks to
// when built with the zconsolesim tag: it starts the job, types commands at a console
// in their real syntax, and reads the console log. Use it to test a program of your own
// on any machine, and to give it an operator's console.
//
//	sim.Start("DEMO", "'idle=20'")        // S DEMO,,,'idle=20'
//	h, _ := zconsole.Init()               // the first Wait returns the START
//	sim.Command("f demo,status")          // arrives as MODIFY "STATUS"
//	sim.Command("P DEMO")                 // arrives as STOP
//	sim.Command("R 01,YES")               // answers the program's WTOR 01
//	fmt.Print(sim.Transcript(sim.Log()))  // the console's hardcopy
//
// Commands follow the console's rules: at most 126 characters, folded to upper case
// except between apostrophes (which are kept). The system's rules follow: MODIFY and
// STOP name the job as [jobname.]identifier, optionally with A=asid, its address space
// id (see [Command]), and a name or asid that is not this job's gets IEE341I; a MODIFY
// beyond the program's queue limit is refused with IEE342I, as is a STOP while another
// is still queued; a START, which needs an address space the simulated system does not
// have, gets IEA602I. Each refusal is in the log and comes back as an error.
//
// The consoles run in IBM-1047 unless [SetCodePage] says IBM-037 or IBM-1140: what the
// operator types is encoded in it and the program's messages are shown in it, so a
// program that chose another code page with zconsole.SetCodePage sees '[', ']', '¬' and
// '^' garbled, as on a real system.
//
// The simulated system is the whole process's, as an address space is: tests that use
// it must not run in parallel with each other.
//
// # Testing a program
//
// A program of the usual kind opens the console, takes commands in a loop, answers
// them, and stops on STOP or when an idle timer kills its wait. Its test starts it as
// the operator would, waits until it listens before the first MODIFY (one typed before
// Init is refused with IEE342I, as z/OS refuses it), and waits for its answers, with
// [Listening] and [Written], which sleep in the simulated system until the program has
// done what they wait for: no sleep, no polling, and a context's deadline to catch a
// program that never does.
//
//	func TestHello(t *testing.T) {
//		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
//		defer cancel()
//		if err := sim.Start("HELLO", ""); err != nil {
//			t.Fatal(err)
//		}
//		done := make(chan error, 1)
//		go func() { done <- hello.Serve(time.Hour) }() // the program under test
//
//		if err := sim.Listening(ctx); err != nil {
//			t.Fatal(err)
//		}
//		if err := sim.Command("F HELLO,PING"); err != nil {
//			t.Fatal(err)
//		}
//		if _, err := sim.Written(ctx, `^HEL002I PONG`); err != nil {
//			t.Fatal(err)
//		}
//		if err := sim.Command("P HELLO"); err != nil {
//			t.Fatal(err)
//		}
//		if err := <-done; err != nil {
//			t.Fatal(err)
//		}
//	}
//
// [Asked] waits for a question (WTOR) in the same way, and returns it with the reply id
// to answer with R nn,text. The package's examples show a whole program tested so.
//
// # The operator's console
//
// An [Operator] is the operator at a console of the simulated system, as
// golang.org/x/sys/windows/svc/debug runs a Windows service on a console: a person
// typing commands on a terminal ([NewOperator]) or an operator script
// ([ScriptOperator]), shown on a writer in the layout of [Transcript] as the console
// grows. A program offers one by opening it before its first zconsole.Init; the demo,
// cmd/demo, does so.
//
// Any program built with -tags zconsolesim gets one without a change, from the
// environment variable ZCONSOLE_OPERATOR, which the first zconsole.Init reads:
//
//	ZCONSOLE_OPERATOR=tty          commands typed on standard input
//	ZCONSOLE_OPERATOR=script:path  the operator script at path
//
// Init then waits until the operator has started the job with S job or
// S job,,,parameters (the job is whatever S names; its parameters are the START the
// program's first Wait returns), and goes on. The console is shown on standard error, so
// that the program's standard output stays its own: the operator's commands (OPER), the
// system's answers (SYSTEM), the program's messages (under the job's name), each shown
// before the zconsole call that wrote it returns, and what the console says of itself
// (CONSOLE). The console ends with the process: the program's exit ends it. At the end of
// a person's input (Ctrl-D) the operator leaves the console and stops the job with
// P job, unless a STOP was entered already; when a script's step fails, the console
// says so on standard error and stops the job the same way. Init fails, saying why, when
// the variable is neither tty nor script:path, when the script cannot be read, and when
// the job is never started. A program that opened an Operator of its own keeps it: the
// variable is then ignored.
//
// # Operator scripts
//
// An operator script is what an operator does at a console, a line at a time: lines
// typed as they stand, and directives that wait for what the console shows, so that
// the script never depends on how fast the program answers (testdata/operator/*.txt in
// the module are the demo's):
//
//	# The operator starts the demo and stops it.   a comment: # first on the line
//	S DEMO,,,'IDLE=60'                             typed at the console, as it stands
//	.wait DMO001I                                  wait until the console shows DMO001I
//	F DEMO,STATUS
//	.wait DMO002I
//	.pause 1.5                                     wait 1.5 seconds (for a reader only)
//	P DEMO
//
// The first line typed must start the job: S job, or S job,,,parameters, where job may
// be job.identifier (S DEMO.WEB: job DEMO, identifier WEB). Blank lines and lines whose
// first character is # are skipped; there are no comments after a command, as # is a
// character of console commands. A person at a terminal may type the directives too.
//
// .wait text waits for the next message on the console after the last line typed (or
// after the message the last .wait found) whose text contains text: a message of the
// program or of the system, not an operator's command. So a sequence of .wait lines
// checks the order of the messages. It fails when the operator is closed first, or after
// 30 seconds ([Operator.SetWaitLimit]). .pause seconds waits that long (at most 600).
//
// # Builds
//
// The API is the same in every build, and documented here as it works in the
// simulator build (cgo and the zconsolesim tag). Without the simulator every function
// that returns an error returns one wrapping [errors.ErrUnsupported] that says what the
// build lacks, cgo or the tag; [Log] and [Outstanding] return nothing, [Stats] zeros,
// and [Inject], [FailStorage] and [NoCOM] do nothing.
package sim
