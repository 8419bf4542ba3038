//go:build cgo && (zos || zconsolesim)

package c

/*
#include "zc.h"

void zc_probe(const unsigned char *in, uint32_t *get, uint32_t *load, unsigned char *out);
*/
import "C"

import "unsafe"

// fullword reads b as a big-endian fullword with the C code's two readers (field access
// and atomic ECB access) and writes it back with the atomic writer (probe.c), so a test
// can hold them to z/OS byte order on any host.
func fullword(b [4]byte) (get, load uint32, stored [4]byte) {
	var g, l C.uint32_t
	C.zc_probe((*C.uchar)(unsafe.Pointer(&b[0])), &g, &l, (*C.uchar)(unsafe.Pointer(&stored[0])))
	return uint32(g), uint32(l), stored
}
