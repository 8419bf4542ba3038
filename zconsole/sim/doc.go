// Package sim is the operator's side of the simulated MVS that package zconsole talks to
// when built with the zconsolesim tag: it starts the job, types commands at a console
// in their real syntax, and reads the console log.
//
//	sim.Start("DEMO", "'idle=20'")        // S DEMO,,,'idle=20'
//	h, _ := zconsole.Init()               // the first Wait returns the START
//	sim.Command("f demo,status")          // arrives as MODIFY "STATUS"
//	sim.Command("P DEMO")                 // arrives as STOP
//	sim.Command("R 01,YES")               // answers the program's WTOR 01
//	fmt.Print(sim.Transcript(sim.Log()))  // the console's hardcopy
//
// Commands follow the console's rules: at most 126 characters, folded to upper case
// except between apostrophes (which are kept), a job name that must be this job's. The
// system's rules follow: a MODIFY beyond the program's queue limit is refused with
// IEE342I, as is a STOP while another is still queued; a command for another job gets
// IEE341I. Each refusal is in the log and comes back as an error.
//
// The consoles run in IBM-1047 unless [SetCodePage] says IBM-037 or IBM-1140: what the
// operator types is encoded in it and the program's messages are shown in it, so a
// program that chose another code page with zconsole.SetCodePage sees '[', ']', '¬' and
// '^' garbled, as on a real system.
//
// The simulated system is the whole process's, as an address space is: tests that use
// it must not run in parallel with each other. Without the zconsolesim tag (or without
// cgo) every function here reports [errors.ErrUnsupported].
package sim
