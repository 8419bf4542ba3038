//go:build cgo && (zos || zconsolesim)

/*
 * task.c: who the program is, as the system's control blocks say: the PSA's pointers to
 * the current TCB (PSATOLD), the home ASCB (PSAAOLD) and the CVT (FLCCVT), the ASCB's
 * ASID and job-name pointers, the CVT's system name. The same code runs on z/OS, where
 * the PSA is at address 0, and in the simulator, whose PSA zc_psa() finds (sim_task.c).
 * Every pointer read from them has bit 0 masked off (zc_sysaddr).
 */
#include "zc.h"

int zc_task_info(zc_task *out)
{
	uint32_t psa = zc_psa(), ascb, cvt, name;
	const unsigned char *a;

	memset(out, 0, sizeof *out);
	memset(out->job, 0x40, sizeof out->job);
	memset(out->sysname, 0x40, sizeof out->sysname);
	out->tcb = zc_sysaddr(zc_get32(zc_ptr(psa + ZC_PSA_TOLD)));
	ascb = zc_sysaddr(zc_get32(zc_ptr(psa + ZC_PSA_AOLD)));
	cvt = zc_sysaddr(zc_get32(zc_ptr(psa + ZC_PSA_CVT)));
	if (ascb == 0)
		return ZC_EBADAREA;
	a = (const unsigned char *)zc_ptr(ascb);
	if (memcmp(a + ZC_ASCB_ASCB, ZC_ASCB_EYE, 4) != 0)
		return ZC_EBADAREA;
	out->ascb = ascb;
	out->asid = zc_get16(a + ZC_ASCB_ASID);
	name = zc_sysaddr(zc_get32(a + ZC_ASCB_JBNI));
	if (name == 0) {
		name = zc_sysaddr(zc_get32(a + ZC_ASCB_JBNS));
		out->started = name != 0;
	}
	if (name != 0)
		memcpy(out->job, zc_ptr(name), sizeof out->job);
	if (cvt != 0)
		memcpy(out->sysname, (const unsigned char *)zc_ptr(cvt) + ZC_CVT_SNAME, 8);
	return ZC_OK;
}
