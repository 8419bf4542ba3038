// Package console is the operator's side of the simulated MVS: the consoles of the
// system the zconsolesim build simulates. It takes what an operator types (START,
// MODIFY, STOP, REPLY) under a console's rules and the system's, keeps the consoles'
// code page, decodes the console log into messages as a console shows them, waits for
// the system's changes without polling, and plays an operator from a terminal or a
// script ([Operator]).
//
// Package zconsole/sim is its public face, with the documentation a user reads; this
// package sits below package zconsole, so that zconsole's simulator build can open an
// operator's console for any program (ZCONSOLE_OPERATOR, [OpenFromEnv]) without a
// package above it. It compiles in every build; without the simulator each entry point
// that returns an error returns [Missing]'s.
package console
