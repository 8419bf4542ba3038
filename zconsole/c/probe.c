//go:build cgo && (zos || zconsolesim)

/*
 * probe.c: a self-check for tests. It reads 4 bytes as a fullword both ways the code
 * reads one (field access, atomic ECB access) and writes it back with the atomic writer,
 * so a test can hold them to z/OS byte order on any host.
 */
#include "zc.h"

void zc_probe(const unsigned char *in, uint32_t *get, uint32_t *load, unsigned char *out)
{
	uint32_t word, stored = 0;

	memcpy(&word, in, 4);
	*get = zc_get32(in);
	*load = zc_load32(&word);
	zc_store32(&stored, *get);
	memcpy(out, &stored, 4);
}
