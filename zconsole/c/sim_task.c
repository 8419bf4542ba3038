//go:build cgo && zconsolesim

/*
 * sim_task.c: the few system control blocks that say who the program is: a PSA with
 * FLCCVT, PSATOLD and PSAAOLD, an ASCB with its ASID and job-name pointers, a TCB, and
 * a CVT with the system name. On z/OS the PSA is at address 0; here it is a block in
 * the arena whose address zc_psa() gives, so wto.c's zc_task_info() reads both the same
 * way, at the documented offsets.
 *
 * A job started by START has its name behind ASCBJBNS and ASCBJBNI = 0; a job that was
 * not started (Reset) is an initiated job: the name is behind ASCBJBNI.
 */
#include "sim.h"

#define SIM_PSA_SIZE  4096
#define SIM_ASCB_SIZE 0x180
#define SIM_TCB_SIZE  0x180
#define SIM_CVT_SIZE  0x400

static uint32_t psa, ascb, tcb, cvt, name;

/* The system name, "ZSIM" in IBM-1047, blank padded: the CVT's CVTSNAME. */
static const unsigned char sysname_e[8] = {0xE9, 0xE2, 0xC9, 0xD4, 0x40, 0x40, 0x40, 0x40};

static void drop(uint32_t *a, uint32_t len)
{
	if (*a != 0)
		sim_release(SIM_SYSTEM, zc_ptr(*a), len);
	*a = 0;
}

static void drop_all(void)
{
	drop(&psa, SIM_PSA_SIZE);
	drop(&ascb, SIM_ASCB_SIZE);
	drop(&tcb, SIM_TCB_SIZE);
	drop(&cvt, SIM_CVT_SIZE);
	drop(&name, 8);
}

int sim_task_build(int started)
{
	unsigned char *p, *a;

	drop_all();
	p = (unsigned char *)sim_obtain(SIM_SYSTEM, SIM_PSA_SIZE);
	a = (unsigned char *)sim_obtain(SIM_SYSTEM, SIM_ASCB_SIZE);
	tcb = zc_addr(sim_obtain(SIM_SYSTEM, SIM_TCB_SIZE));
	cvt = zc_addr(sim_obtain(SIM_SYSTEM, SIM_CVT_SIZE));
	name = zc_addr(sim_obtain(SIM_SYSTEM, 8));
	psa = zc_addr(p);
	ascb = zc_addr(a);
	if (psa == 0 || ascb == 0 || tcb == 0 || cvt == 0 || name == 0) {
		drop_all();
		return -1;
	}
	zc_put32(p + ZC_PSA_CVT, cvt);
	zc_put32(p + ZC_PSA_TOLD, tcb);
	zc_put32(p + ZC_PSA_AOLD, ascb);
	memcpy(a + ZC_ASCB_ASCB, ZC_ASCB_EYE, 4);
	zc_put16(a + ZC_ASCB_ASID, ZCSIM_ASID);
	memcpy(zc_ptr(name), sim.job_e, 8);
	zc_put32(a + ZC_ASCB_JBNI, started ? 0 : name);
	zc_put32(a + ZC_ASCB_JBNS, started ? name : 0);
	memcpy((unsigned char *)zc_ptr(cvt) + ZC_CVT_SNAME, sysname_e, 8);
	sim_task_flag(sim.flag);
	return 0;
}

/* Set bit 0 (flag X'80000000') or clear it (flag 0) in the pointers at base+off[i]. */
static void flag_words(uint32_t base, const uint32_t *off, size_t n, uint32_t flag)
{
	unsigned char *w;
	size_t i;

	for (i = 0; base != 0 && i < n; i++) {
		w = (unsigned char *)zc_ptr(base + off[i]);
		if (zc_get32(w) != 0)
			zc_put32(w, sim_unflag(zc_get32(w)) | flag);
	}
}

/* The fault sim_flag_pointers arms, for the PSA's and the ASCB's pointers. */
void sim_task_flag(uint32_t flag)
{
	static const uint32_t psa_words[] = { ZC_PSA_CVT, ZC_PSA_TOLD, ZC_PSA_AOLD };
	static const uint32_t ascb_words[] = { ZC_ASCB_JBNI, ZC_ASCB_JBNS };

	flag_words(psa, psa_words, sizeof psa_words / sizeof psa_words[0], flag);
	flag_words(ascb, ascb_words, sizeof ascb_words / sizeof ascb_words[0], flag);
}

uint32_t zc_psa(void)
{
	uint32_t a;

	pthread_mutex_lock(&sim.mu);
	sim_boot();
	if (psa == 0)
		sim_task_build(0);
	a = psa;
	sim_unlock();
	return a;
}
