//go:build linux && cgo && !asan

package main

// With cgo on Linux, a crash in C code (the simulated MVS, the console's C) shows the
// C frames with their files and lines, not only runtime.cgocall: cgosymbolizer installs
// the C traceback and symbolizer hooks of [runtime.SetCgoTraceback]. It is tested only
// on GNU/Linux and does not build for z/OS, which has neither its unwinder nor ELF.
//
// Not in -asan builds (Go sets the asan tag): the package's init keeps a C copy of
// os.Args[0] for the life of the process, which LeakSanitizer reports at exit, and
// ASan symbolizes C frames in its own reports anyway.
import _ "github.com/ianlancetaylor/cgosymbolizer"
