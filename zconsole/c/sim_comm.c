//go:build cgo && zconsolesim

/*
 * sim_comm.c: the communications area, the CIB chain, EXTRACT (SVC 40) and QEDIT
 * (SVC 34), as the system side of START, MODIFY and STOP.
 *
 * The rules modelled:
 *  - the chain is FIFO; COMCIBPT names the first CIB, CIBNEXT links the rest;
 *  - a MODIFY is refused (IEE342I) once the START and MODIFY CIBs on the chain reach
 *    CIBCTR, which starts at 0: a program that never sets it accepts no MODIFY;
 *  - a STOP is accepted whatever CIBCTR is, unless another STOP is still queued; on
 *    accepting it the system sets CIBCTR to 0;
 *  - every queued command posts the communications ECB; the system clears that ECB when
 *    QEDIT removes the last CIB;
 *  - QEDIT takes its operands negated: +ORIGIN/-BLOCK frees one CIB, -ORIGIN/-n sets
 *    CIBCTR, +ORIGIN/0 ("free all") needs authority a problem program does not have;
 *  - an ORIGIN that is not this job's COMCIBPT is ignored with RC 4;
 *  - as a fault (sim_flag_pointers), the pointers the system hands over carry bit 0.
 */
#include "sim.h"

static uint32_t *cibpt(void)
{
	return (uint32_t *)((unsigned char *)zc_ptr(sim.com) + ZC_COM_CIBPT);
}

static uint32_t *next_of(uint32_t cib)
{
	return (uint32_t *)zc_ptr(cib + ZC_CIB_NEXT);
}

/* How far a CIB reaches, the same measure protocol.c copies by. */
uint32_t sim_cib_extent(const unsigned char *c)
{
	uint32_t ext = (uint32_t)c[ZC_CIB_LEN] * 8;
	uint32_t xoff = zc_get16(c + ZC_CIB_XOFF);

	if (xoff != 0 && xoff + ZC_CIBX_SIZE > ext)
		ext = xoff + ZC_CIBX_SIZE;
	return ext;
}

static void drop_chain(void)
{
	uint32_t c, next;

	if (sim.com == 0)
		return;
	for (c = sim_unflag(zc_load32(cibpt())); c != 0; c = next) {
		next = sim_unflag(zc_load32(next_of(c)));
		sim_release(SIM_SYSTEM, zc_ptr(c), sim_cib_extent((unsigned char *)zc_ptr(c)));
	}
	zc_store32(cibpt(), 0);
	sim.tail = 0;
	sim.queued = 0;
	sim.stop_queued = 0;
}

/* Tear down the system's blocks and build a fresh communications area. */
int sim_rebuild(const char *job, const unsigned char job_e[8])
{
	unsigned char *com;
	uint32_t *ecb;

	drop_chain();
	if (sim.com != 0)
		sim_release(SIM_SYSTEM, zc_ptr(sim.com), ZC_COM_SIZE);
	if (sim.comecb != 0)
		sim_release(SIM_SYSTEM, zc_ptr(sim.comecb), 4);
	sim.com = sim.comecb = 0;
	sim.up = 0;
	com = (unsigned char *)sim_obtain(SIM_SYSTEM, ZC_COM_SIZE);
	ecb = (uint32_t *)sim_obtain(SIM_SYSTEM, 4);
	if (com == NULL || ecb == NULL) {
		if (com != NULL)
			sim_release(SIM_SYSTEM, com, ZC_COM_SIZE);
		if (ecb != NULL)
			sim_release(SIM_SYSTEM, ecb, 4);
		return -1;
	}
	sim.com = zc_addr(com);
	sim.comecb = zc_addr(ecb);
	zc_put32(com + ZC_COM_ECBPT, sim.comecb | sim.flag);
	zc_put32(com + ZC_COM_CIBPT, 0);
	zc_put32(com + ZC_COM_TOKEN, 0);
	zc_store32(ecb, 0);
	sim.cibctr = 0;
	sim_changed();
	sim.nocom = 0;
	strncpy(sim.job, job, sizeof sim.job - 1);
	sim.job[sizeof sim.job - 1] = 0;
	memcpy(sim.job_e, job_e, sizeof sim.job_e);
	sim.up = 1;
	return 0;
}

void sim_boot(void)
{
	static const unsigned char gojob[8] = {0xC7, 0xD6, 0xD1, 0xD6, 0xC2, 0x40, 0x40, 0x40};

	if (!sim.up)
		sim_rebuild("GOJOB", gojob);
}

/* Put a CIB image on the chain. verb decides the rules; force skips them (START). */
int sim_queue(const unsigned char *img, uint32_t len, int force)
{
	unsigned char *c;
	uint32_t verb;

	sim_boot();
	if (!sim.up)
		return ZCSIM_NOSTORAGE;
	if (len < ZC_CIB_HDR || len > ZC_COPY_MAX || sim_cib_extent(img) != len)
		return ZCSIM_BADCIB;
	verb = img[ZC_CIB_VERB];
	if (!force) {
		if (verb == ZC_VERB_STOP && sim.stop_queued)
			return ZCSIM_BUSY;
		if (verb != ZC_VERB_STOP && sim.queued >= sim.cibctr)
			return ZCSIM_BUSY;
	}
	c = (unsigned char *)sim_obtain(SIM_SYSTEM, len);
	if (c == NULL)
		return ZCSIM_NOSTORAGE;
	memcpy(c, img, len);
	zc_put32(c + ZC_CIB_NEXT, 0);
	/* The block is complete before it is linked: the link is a release store. */
	zc_store32(sim.tail != 0 ? next_of(sim.tail) : cibpt(), zc_addr(c) | sim.flag);
	sim.tail = zc_addr(c);
	if (verb == ZC_VERB_STOP) {
		sim.stop_queued = 1;
		sim.cibctr = 0; /* the system's own reset after STOP */
		sim_changed();
	} else {
		sim.queued++;
	}
	sim_post_ecb(sim.comecb, 0);
	return ZCSIM_QUEUED;
}

/*
 * The fault zcsim_flag_pointers arms: with flag X'80000000' the system sets bit 0 of
 * every pointer it hands over (the EXTRACT answer, COMECBPT, COMCIBPT, CIBNEXT and the
 * PSA's and ASCB's pointers), as a system may whose 31-bit code uses the bit as a flag:
 * a program must mask it off (zc_sysaddr). The simulator's own reads unflag them with
 * sim_unflag, its own mask. Pointers stored while the fault is armed carry the flag;
 * arming or disarming it rewrites those already there.
 */
uint32_t sim_unflag(uint32_t word)
{
	return word & 0x7FFFFFFFu;
}

static void reflag(uint32_t *word)
{
	uint32_t v = sim_unflag(zc_load32(word));

	if (v != 0)
		zc_store32(word, v | sim.flag);
}

void sim_flag_pointers(uint32_t flag)
{
	uint32_t c;

	sim.flag = flag;
	if (sim.com != 0) {
		reflag((uint32_t *)zc_ptr(sim.com + ZC_COM_ECBPT));
		reflag(cibpt());
		for (c = sim_unflag(zc_load32(cibpt())); c != 0; c = sim_unflag(zc_load32(next_of(c))))
			reflag(next_of(c));
	}
	sim_task_flag(flag);
}

void sim_extract(sim_regs *r)
{
	uint32_t list = r->r1 & 0x7FFFFFFFu, answer;
	unsigned char *xl;

	r->r15 = 0;
	if (!sim_addressable(list, ZC_XL_SIZE)) {
		r->r15 = sim_abend(0x0C4, "EXTRACT: the parameter list is not addressable");
		return;
	}
	xl = (unsigned char *)zc_ptr(list);
	answer = zc_get32(xl + ZC_XL_ANSWER);
	if (zc_get32(xl + ZC_XL_TCB) != 0) {
		r->r15 = sim_abend(0x0C4, "EXTRACT: only TCB=0 (this task) is simulated");
		return;
	}
	if (xl[ZC_XL_FLAGS1] != ZC_XL_COMM || xl[ZC_XL_FLAGS2] != 0) {
		r->r15 = sim_abend(0x0C4, "EXTRACT: only FIELDS=COMM is simulated");
		return;
	}
	if (!sim_addressable(answer, 4)) {
		r->r15 = sim_abend(0x0C4, "EXTRACT: the answer area is not addressable");
		return;
	}
	zc_put32(zc_ptr(answer), sim.nocom ? 0 : sim.com | sim.flag);
}

static void qedit_free(sim_regs *r, uint32_t origin, uint32_t block)
{
	uint32_t prev = 0, c, next;
	unsigned char *cib;

	if (origin != sim.com + ZC_COM_CIBPT) {
		r->r15 = 4;
		return;
	}
	for (c = sim_unflag(zc_load32(cibpt())); c != 0 && c != block;
	     c = sim_unflag(zc_load32(next_of(c))))
		prev = c;
	if (c == 0) {
		r->r15 = 8; /* not on the chain */
		return;
	}
	cib = (unsigned char *)zc_ptr(c);
	next = zc_load32(next_of(c)); /* moved as it is, flag and all */
	zc_store32(prev != 0 ? next_of(prev) : cibpt(), next);
	if (sim.tail == c)
		sim.tail = prev;
	if (cib[ZC_CIB_VERB] == ZC_VERB_STOP)
		sim.stop_queued = 0;
	else
		sim.queued--;
	sim_release(SIM_SYSTEM, cib, sim_cib_extent(cib));
	if (zc_load32(cibpt()) == 0)
		zc_store32((uint32_t *)zc_ptr(sim.comecb), 0);
}

static void qedit_limit(sim_regs *r, uint32_t origin, uint32_t n)
{
	if (origin != sim.com + ZC_COM_CIBPT) {
		r->r15 = 4;
		return;
	}
	if (n > ZC_CIBCTR_MAX) {
		r->r15 = 8;
		return;
	}
	sim.cibctr = n;
	sim_changed();
}

void sim_qedit(sim_regs *r)
{
	int32_t r0 = (int32_t)r->r0, r1 = (int32_t)r->r1;

	r->r15 = 0;
	if (r0 > 0 && r1 < 0)
		qedit_free(r, r->r0, 0u - r->r1);
	else if (r0 < 0 && r1 <= 0)
		qedit_limit(r, 0u - r->r0, 0u - r->r1);
	else if (r0 > 0 && r1 == 0)
		r->r15 = sim_abend(0x0C2, "QEDIT: BLOCK=0 asks to free every CIB, which a problem program may not");
	else
		r->r15 = sim_abend(0x0C4, "QEDIT: the registers match no QEDIT form");
}
