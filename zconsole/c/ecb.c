//go:build cgo && (zos || zconsolesim)

/*
 * ecb.c: the steps with ECBs that the console protocol and WTOR share: test one for
 * its post bit, POST one, WAIT on a list of them; and the one way every step issues an
 * SVC and records which one failed (zc_call).
 */
#include "zc.h"

/*
 * Issue SVC svc with R0 = r0 and R1 = *r1 (R15 cleared). On R15 = 0, *r1 is what the
 * service left in R1 and the result is ZC_OK; otherwise *f says which SVC, for which
 * use (op), with which R15, and the result is ZC_ESVC.
 */
int zc_call(unsigned svc, uint32_t op, uint32_t r0, uint32_t *r1, zc_fault *f)
{
	zc_regs r;

	r.r0 = r0;
	r.r1 = *r1;
	r.r15 = 0;
	zc_svc(svc, &r);
	if (r.r15 != 0) {
		f->svc = svc;
		f->op = op;
		f->rc = r.r15;
		return ZC_ESVC;
	}
	*r1 = r.r1;
	return ZC_OK;
}

int zc_posted(const uint32_t *ecb)
{
	return (zc_load32(ecb) & ZC_ECB_POST) != 0;
}

/* POST ecb with completion code 0: R0 = code, R1 = A(ECB). */
int zc_post(uint32_t *ecb, uint32_t op, zc_fault *f)
{
	uint32_t r1 = zc_addr(ecb);

	return zc_call(ZC_SVC_POST, op, 0, &r1, f);
}

/* WAIT 1,ECBLIST=list: R0 = 1 event, R1 = the list address complemented. */
int zc_wait_list(const uint32_t *list, uint32_t op, zc_fault *f)
{
	uint32_t r1 = 0u - zc_addr(list);

	return zc_call(ZC_SVC_WAIT, op, 1, &r1, f);
}
