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
 * use (op), with which R15, and the result is ZC_ESVC, or ZC_EABOVEBAR when svc_zos.c
 * could not issue it in the AMODE it needs.
 */
int zc_call(unsigned svc, uint32_t op, uint64_t r0, uint64_t *r1, zc_fault *f)
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
		return r.r15 == ZC_RC_ABOVE_BAR ? ZC_EABOVEBAR : ZC_ESVC;
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
	uint64_t r1 = zc_reg(zc_addr(ecb));

	return zc_call(ZC_SVC_POST, op, zc_reg(0), &r1, f);
}

/*
 * WAIT 1,ECBLIST=list,LONG=YES: R0 = X'80000001' (one event, a long wait), R1 = the
 * list address complemented.
 *
 * Every WAIT here is a wait for the operator: for a command (START, MODIFY, STOP) that
 * may come in a minute or in a month, or for the reply to a WTOR: a long wait, and
 * WAIT's LONG=YES says so. SVC 1 takes bit 0 of R0 as that flag (IBM, SVC 1, MVS
 * Diagnosis: SVC summary: "Bit 0 equals one indicates a long wait"); the system's
 * resource manager counts a long wait among its reasons to swap an address space out
 * (IBM, "Swap reasons", IBM Z OMEGAMON for z/OS, after the MVS Initialization and Tuning
 * Guide: "Long wait swap"), rather than keep the storage of a task that will not run
 * soon. zowe-common-c codes LONG=YES for the WAIT of its console task (c/scheduling.c,
 * zosWaitList: WAIT (0),ECBLIST=(1),LONG=YES). The cost is on the way back: a command or
 * kill that comes while the address space is swapped out waits for the swap-in. What the
 * system does with the flag in an address space whose other tasks (Go's threads) are not
 * waiting is UNCONFIRMED. No WAIT here is a short one, so every WAIT carries it.
 */
int zc_wait_list(const uint32_t *list, uint32_t op, zc_fault *f)
{
	uint64_t r1 = zc_reg_neg(zc_addr(list));

	return zc_call(ZC_SVC_WAIT, op, zc_reg(ZC_WAIT_LONG | 1), &r1, f);
}
