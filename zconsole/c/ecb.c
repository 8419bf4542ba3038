//go:build cgo && (zos || zconsolesim)

/*
 * ecb.c: the steps with ECBs that the console protocol and WTOR share: test one for
 * its post bit, POST one, WAIT on a list of them, and record which SVC failed.
 */
#include "zc.h"

int zc_fail(zc_fault *f, uint32_t svc, uint32_t op, uint32_t rc)
{
	f->svc = svc;
	f->op = op;
	f->rc = rc;
	return ZC_ESVC;
}

int zc_posted(const uint32_t *ecb)
{
	return (zc_load32(ecb) & ZC_ECB_POST) != 0;
}

/* POST ecb with completion code 0: R0 = code, R1 = A(ECB). */
int zc_post(uint32_t *ecb, uint32_t op, zc_fault *f)
{
	zc_regs r;

	r.r0 = 0;
	r.r1 = zc_addr(ecb);
	r.r15 = 0;
	zc_svc(ZC_SVC_POST, &r);
	if (r.r15 != 0)
		return zc_fail(f, ZC_SVC_POST, op, r.r15);
	return ZC_OK;
}

/* WAIT 1,ECBLIST=list: R0 = 1 event, R1 = the list address complemented. */
int zc_wait_list(const uint32_t *list, uint32_t op, zc_fault *f)
{
	zc_regs r;

	r.r0 = 1;
	r.r1 = 0u - zc_addr(list);
	r.r15 = 0;
	zc_svc(ZC_SVC_WAIT, &r);
	if (r.r15 != 0)
		return zc_fail(f, ZC_SVC_WAIT, op, r.r15);
	return ZC_OK;
}
