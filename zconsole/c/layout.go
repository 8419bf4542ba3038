//go:build cgo && (zos || zconsolesim)

package c

/*
#include "zc.h"

void zc_probe(const unsigned char *in, uint32_t *get, uint32_t *load, unsigned char *out);
*/
import "C"

import "unsafe"

// Fullword reads b as a big-endian fullword with the C code's two readers (field access
// and atomic ECB access) and writes it back with the atomic writer, so a test can hold
// them to z/OS byte order on any host.
func Fullword(b [4]byte) (get, load uint32, stored [4]byte) {
	var g, l C.uint32_t
	C.zc_probe((*C.uchar)(unsafe.Pointer(&b[0])), &g, &l, (*C.uchar)(unsafe.Pointer(&stored[0])))
	return uint32(g), uint32(l), stored
}

// Layout returns the control-block offsets and codes the C code is compiled with, by
// their IBM names, so tests can hold them against the documented table.
func Layout() map[string]int {
	return map[string]int{
		"COMECBPT": C.ZC_COM_ECBPT,
		"COMCIBPT": C.ZC_COM_CIBPT,
		"COMTOKEN": C.ZC_COM_TOKEN,
		"CIBNEXT":  C.ZC_CIB_NEXT,
		"CIBVERB":  C.ZC_CIB_VERB,
		"CIBLEN":   C.ZC_CIB_LEN,
		"CIBXOFF":  C.ZC_CIB_XOFF,
		"CIBASID":  C.ZC_CIB_ASID,
		"CIBCONID": C.ZC_CIB_CONID,
		"CIBDATLN": C.ZC_CIB_DATLN,
		"CIBDATA":  C.ZC_CIB_DATA,
		"CIBXCNNM": C.ZC_CIBX_CNNM,
		"CIBXCART": C.ZC_CIBX_CART,
		"CIBXCNID": C.ZC_CIBX_CNID,
		"CIBXOCID": C.ZC_CIBX_OCID,
		"CIBXAUTH": C.ZC_CIBX_AUTH,
		"CIBXSIZE": C.ZC_CIBX_SIZE,
		"CIBSTART": C.ZC_VERB_START,
		"CIBMODFY": C.ZC_VERB_MODIFY,
		"CIBSTOP":  C.ZC_VERB_STOP,
		"CIBMOUNT": C.ZC_VERB_MOUNT,
	}
}
