//go:build cgo && zconsolesim

/*
 * svc_sim.c: the supervisor calls, simulated.
 *
 * zc_svc() is where protocol.c enters the simulated MVS, exactly where it issues an SVC
 * instruction on z/OS. It takes the simulator's lock, lets the system finish a reply it
 * held back (sim_late_reply), applies any fault a test armed for that SVC (a return code
 * instead of the service), checks the 64-bit registers have the form svc_zos.c gives
 * them, and interprets their low halves.
 *
 * The registers' form. On z/OS most SVCs are issued in AMODE 64, where the service sees
 * all of R0 and R1; whether it reads their low halves or all 64 bits is UNCONFIRMED
 * (svc_zos.c). The simulator accepts only registers that read the same both ways: a
 * fullword operand zero-extended, and a negated or complemented one (WAIT's R1, QEDIT's
 * R0 and R1) sign-extended. A register in another form is a program error here (S0C4),
 * though z/OS may well accept it. EXTRACT is issued in AMODE 31, where the high halves
 * are not part of any operand: they are not checked.
 */
#include "sim.h"
#include "sim_api.h"
#include <stdio.h>

sim_state sim = {
	.mu = PTHREAD_MUTEX_INITIALIZER,
	.cv = PTHREAD_COND_INITIALIZER,
};

typedef struct svc_fault {
	uint32_t rc;
	int skip;  /* calls to let through before failing */
	int times; /* calls left to fail; -1 for every call */
} svc_fault;

static svc_fault faults[256];

/* Take an armed fault for SVC n: 1 and its return code in *rc, or 0. */
static int fault_take(unsigned n, uint32_t *rc)
{
	svc_fault *f = &faults[n & 0xFF];

	if (f->times == 0)
		return 0;
	if (f->skip > 0) {
		f->skip--;
		return 0;
	}
	if (f->times > 0)
		f->times--;
	*rc = f->rc;
	return 1;
}

/* How a 64-bit register holds an operand. */
enum { REG_ZERO_EXTENDED, REG_SIGN_EXTENDED, REG_UNREAD };

/* The form of R0 and R1 for each service (svc_zos.c, zc_svc.h). */
static void reg_forms(unsigned n, int *r0, int *r1)
{
	*r0 = *r1 = REG_ZERO_EXTENDED;
	switch (n) {
	case ZC_SVC_WAIT:
		*r1 = REG_SIGN_EXTENDED; /* an ECB address, or a list address complemented */
		break;
	case ZC_SVC_QEDIT:
		*r0 = *r1 = REG_SIGN_EXTENDED; /* +ORIGIN or -ORIGIN; -BLOCK or -n */
		break;
	case ZC_SVC_EXTRACT:
		*r0 = *r1 = REG_UNREAD; /* AMODE 31 */
		break;
	}
}

/* Whether v holds its low half in form: 1, or 0 with why[] saying how it does not. */
static int reg_ok(const char *name, uint64_t v, int form, char *why, size_t cap)
{
	uint32_t high = (uint32_t)(v >> 32), low = (uint32_t)v;
	uint32_t want = form == REG_SIGN_EXTENDED && (low & 0x80000000u) ? 0xFFFFFFFFu : 0;

	if (form == REG_UNREAD || high == want)
		return 1;
	snprintf(why, cap, "%s holds X'%08X' over X'%08X', not the %s fullword", name, high, low,
		 form == REG_SIGN_EXTENDED ? "sign-extended" : "zero-extended");
	return 0;
}

/* Run SVC n on the low halves of *r, with sim.mu held. */
static void dispatch(unsigned n, zc_regs *r)
{
	char why[160], text[200];
	sim_regs s;
	int f0, f1;

	reg_forms(n, &f0, &f1);
	if (!reg_ok("R0", r->r0, f0, why, sizeof why) ||
	    !reg_ok("R1", r->r1, f1, why, sizeof why)) {
		snprintf(text, sizeof text, "SVC %u: %s a 64-bit caller gives", n, why);
		r->r15 = sim_abend(0x0C4, text);
		return;
	}
	s.r0 = (uint32_t)r->r0;
	s.r1 = (uint32_t)r->r1;
	s.r15 = 0;
	switch (n) {
	case ZC_SVC_WAIT:
		sim_wait(&s);
		break;
	case ZC_SVC_POST:
		sim_post(&s);
		break;
	case ZC_SVC_QEDIT:
		sim_qedit(&s);
		break;
	case ZC_SVC_EXTRACT:
		sim_extract(&s);
		break;
	case ZC_SVC_WTO:
		sim_wto(&s);
		break;
	case ZC_SVC_DOM:
		sim_dom(&s);
		break;
	default:
		s.r15 = sim_abend(0x0C4, "SVC: a service the simulator does not know");
		break;
	}
	r->r1 = zc_reg(s.r1);
	r->r15 = s.r15;
}

void zc_svc(unsigned n, zc_regs *r)
{
	uint32_t rc;

	pthread_mutex_lock(&sim.mu);
	sim_boot();
	sim_late_reply();
	sim.n.svcs[n & 0xFF]++;
	if (n != ZC_SVC_WAIT)
		sim.spins = 0;
	if (fault_take(n, &rc))
		r->r15 = rc;
	else
		dispatch(n, r);
	sim_unlock();
}

void *zc_storage_obtain31(uint32_t len)
{
	void *p;

	pthread_mutex_lock(&sim.mu);
	p = sim_obtain(SIM_PROGRAM, len);
	sim_unlock();
	return p;
}

void zc_storage_release31(void *p, uint32_t len)
{
	pthread_mutex_lock(&sim.mu);
	sim_release(SIM_PROGRAM, p, len);
	sim_unlock();
}

/* ---- The Go side's entry points ------------------------------------------------ */

int zcsim_reset(const char *job, const unsigned char job_e[8], const unsigned char *start,
		uint32_t len)
{
	int rc = ZCSIM_QUEUED;

	pthread_mutex_lock(&sim.mu);
	memset(faults, 0, sizeof faults);
	sim.flag = 0;
	sim_storage_fail_next(0);
	sim_log_clear();
	sim.n.abends = 0;
	sim.n.long_waits = 0;
	sim.last_abend = 0;
	memset(sim.n.svcs, 0, sizeof sim.n.svcs);
	sim_wto_reset();
	if (sim_rebuild(job, job_e) != 0 || sim_task_build(start != NULL) != 0)
		rc = ZCSIM_NOSTORAGE;
	else if (start != NULL)
		rc = sim_queue(start, len, 1);
	sim_unlock();
	return rc;
}

int zcsim_queue(const unsigned char *img, uint32_t len)
{
	int rc;

	pthread_mutex_lock(&sim.mu);
	rc = sim_queue(img, len, 0);
	sim_unlock();
	return rc;
}

void zcsim_log(uint32_t kind, const unsigned char *text, uint32_t len)
{
	pthread_mutex_lock(&sim.mu);
	sim_log(kind, 0, text, len);
	sim_unlock();
}

size_t zcsim_log_count(void)
{
	size_t n;

	pthread_mutex_lock(&sim.mu);
	n = sim_log_count();
	sim_unlock();
	return n;
}

int zcsim_log_get(size_t i, uint64_t *seq, int64_t *ns, uint32_t *kind, uint32_t *msgid,
		  unsigned char *buf, uint32_t cap, uint32_t *len)
{
	int ok;

	pthread_mutex_lock(&sim.mu);
	ok = sim_log_get(i, seq, ns, kind, msgid, buf, cap, len);
	sim_unlock();
	return ok;
}

void zcsim_counts_get(zcsim_counts *out)
{
	pthread_mutex_lock(&sim.mu);
	memset(out, 0, sizeof *out);
	out->program_blocks = sim.n.live_blocks[SIM_PROGRAM];
	out->program_bytes = sim.n.live_bytes[SIM_PROGRAM];
	out->program_obtained = sim.n.obtained[SIM_PROGRAM];
	out->system_blocks = sim.n.live_blocks[SIM_SYSTEM];
	out->system_bytes = sim.n.live_bytes[SIM_SYSTEM];
	out->system_obtained = sim.n.obtained[SIM_SYSTEM];
	out->abends = sim.n.abends;
	out->long_waits = sim.n.long_waits;
	out->last_abend = sim.last_abend;
	out->cibctr = sim.cibctr;
	out->queued = sim.queued;
	out->stop_queued = (uint32_t)sim.stop_queued;
	memcpy(out->svcs, sim.n.svcs, sizeof out->svcs);
	sim_unlock();
}

void zcsim_fail_svc(unsigned svc, uint32_t rc, int skip, int times)
{
	pthread_mutex_lock(&sim.mu);
	faults[svc & 0xFF].rc = rc;
	faults[svc & 0xFF].skip = skip;
	faults[svc & 0xFF].times = times;
	sim_unlock();
}

void zcsim_fail_storage(int times)
{
	pthread_mutex_lock(&sim.mu);
	sim_storage_fail_next(times);
	sim_unlock();
}

void zcsim_no_com(int on)
{
	pthread_mutex_lock(&sim.mu);
	sim_boot();
	sim.nocom = on;
	sim_unlock();
}

void zcsim_flag_pointers(int on)
{
	pthread_mutex_lock(&sim.mu);
	sim_boot();
	sim_flag_pointers(on ? 0x80000000u : 0);
	sim_unlock();
}

void zcsim_job(char out[9])
{
	pthread_mutex_lock(&sim.mu);
	sim_boot();
	memcpy(out, sim.job, 9);
	sim_unlock();
}

uint32_t zcsim_svc(unsigned n, uint64_t r0, uint64_t r1)
{
	zc_regs r;

	r.r0 = r0;
	r.r1 = r1;
	r.r15 = 0;
	zc_svc(n, &r);
	return r.r15;
}

uint32_t zcsim_obtain(uint32_t len)
{
	void *p = zc_storage_obtain31(len);

	if (p == NULL)
		return 0;
	memset(p, 0, len); /* obtained storage is not cleared; the protocol clears its own */
	return zc_addr(p);
}

void zcsim_release(uint32_t addr, uint32_t len)
{
	zc_storage_release31(zc_ptr(addr), len);
}

/*
 * Issue SVC 35 with the image img copied into program storage; the WPL is the copy, so
 * its address fields must point elsewhere (into the decode block, say). Returns R15,
 * and R1 in *r1. For tests of the supervisor side with parameter lists no builder makes.
 */
uint32_t zcsim_issue_wpl(const unsigned char *img, uint32_t len, uint32_t *r1)
{
	unsigned char *p;
	zc_regs r;

	*r1 = 0;
	p = (unsigned char *)zc_storage_obtain31(len);
	if (p == NULL)
		return 0xFFFFFFFFu;
	memcpy(p, img, len);
	r.r0 = 0;
	r.r1 = zc_addr(p);
	r.r15 = 0;
	zc_svc(ZC_SVC_WTO, &r);
	zc_storage_release31(p, len);
	*r1 = (uint32_t)r.r1;
	return r.r15;
}
