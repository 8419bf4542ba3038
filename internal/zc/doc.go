// Package zc holds, for the Go code, the numbers the C headers of zconsole/c define:
// control-block offsets (IEZCOM, IEZCIB, IEZWPL, the PSA, ASCB and CVT fields), verb
// codes, ECB bits, supervisor-call numbers, the limits of a problem program's messages,
// the results of the C calls, and the simulator's console-log records and codes.
//
// Each is written once, in C. zconst.go is generated from the headers by mkzc (go
// generate), so that the Go code that must compile without cgo (the CIB decoder, the
// preparation of a message, the simulator's log reader) uses the same numbers; a test
// regenerates it and fails when it differs, another holds the C compiler's values
// equal to these, and one holds the IBM fields among them against testdata's layout
// tables. The names are the C names without ZC_ (ZC_CIB_VERB is CIB_VERB), and ZCSIM_
// becomes SIM_ (ZCSIM_LOG_WTO is SIM_LOG_WTO): a search for either finds both.
package zc

//go:generate go run ./mkzc
