// Package ckill is the kill benchmark's side with no Go in it: two C threads run the
// protocol's own WAIT and kill (the C of package zconsole/c, linked into the same
// binary, since C symbols are global at link time) against the simulated MVS, timed as
// package floor times its bare condition-variable handoff.
//
// Its C includes the protocol's headers, zc.h (with zc_svc.h and zc_wpl.h, which it
// includes) and sim_api.h, through symbolic links in this folder to the library
// module's ../../../zconsole/c, which the benchmark module reaches through its replace
// directive; and the floor's, floor.h, for the clock and the sleep both sides are timed
// and settled with. The links are what keep the build cache
// honest: the go command hashes the files of a package's own folder, headers included,
// and the links' contents are the headers'; an -I flag to the library's folder would
// leave a changed header out of the hash, and ckill.c compiled against the old one. A
// header the two include in turn needs a link here too.
//
// The package is built on Linux with cgo and the simulator (-tags zconsolesim);
// elsewhere it is empty.
package ckill
