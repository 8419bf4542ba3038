//go:build cgo && zconsolesim

/*
 * svc_sim.c: the supervisor calls, simulated.
 *
 * zc_svc() is where protocol.c enters the simulated MVS, exactly where it issues an SVC
 * instruction on z/OS. It takes the simulator's lock, applies any fault a test armed
 * for that SVC (a return code instead of the service), and interprets the registers.
 */
#include "sim.h"
#include "sim_api.h"

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

void zc_svc(unsigned n, zc_regs *r)
{
	uint32_t rc;

	pthread_mutex_lock(&sim.mu);
	sim_boot();
	sim.n.svcs[n & 0xFF]++;
	if (n != ZC_SVC_WAIT)
		sim.spins = 0;
	if (fault_take(n, &rc)) {
		r->r15 = rc;
		pthread_mutex_unlock(&sim.mu);
		return;
	}
	switch (n) {
	case ZC_SVC_WAIT:
		sim_wait(r);
		break;
	case ZC_SVC_POST:
		sim_post(r);
		break;
	case ZC_SVC_QEDIT:
		sim_qedit(r);
		break;
	case ZC_SVC_EXTRACT:
		sim_extract(r);
		break;
	case ZC_SVC_WTO:
		sim_wto(r);
		break;
	case ZC_SVC_DOM:
		sim_dom(r);
		break;
	default:
		r->r15 = sim_abend(0x0C4, "SVC: a service the simulator does not know");
		break;
	}
	pthread_mutex_unlock(&sim.mu);
}

void *zc_storage_obtain31(uint32_t len)
{
	void *p;

	pthread_mutex_lock(&sim.mu);
	p = sim_obtain(SIM_PROGRAM, len);
	pthread_mutex_unlock(&sim.mu);
	return p;
}

void zc_storage_release31(void *p, uint32_t len)
{
	pthread_mutex_lock(&sim.mu);
	sim_release(SIM_PROGRAM, p, len);
	pthread_mutex_unlock(&sim.mu);
}

/* ---- The Go side's entry points ------------------------------------------------ */

int zcsim_reset(const char *job, const unsigned char job_e[8], const unsigned char *start,
		uint32_t len)
{
	int rc = ZCSIM_QUEUED;

	pthread_mutex_lock(&sim.mu);
	memset(faults, 0, sizeof faults);
	sim_storage_fail_next(0);
	sim_log_clear();
	sim.n.abends = 0;
	sim.last_abend = 0;
	memset(sim.n.svcs, 0, sizeof sim.n.svcs);
	sim_wto_reset();
	if (sim_rebuild(job, job_e) != 0 || sim_task_build(start != NULL) != 0)
		rc = ZCSIM_NOSTORAGE;
	else if (start != NULL)
		rc = sim_queue(start, len, 1);
	pthread_mutex_unlock(&sim.mu);
	return rc;
}

int zcsim_queue(const unsigned char *img, uint32_t len)
{
	int rc;

	pthread_mutex_lock(&sim.mu);
	rc = sim_queue(img, len, 0);
	pthread_mutex_unlock(&sim.mu);
	return rc;
}

void zcsim_log(uint32_t kind, const unsigned char *text, uint32_t len)
{
	pthread_mutex_lock(&sim.mu);
	sim_log(kind, 0, text, len);
	pthread_mutex_unlock(&sim.mu);
}

size_t zcsim_log_count(void)
{
	size_t n;

	pthread_mutex_lock(&sim.mu);
	n = sim_log_count();
	pthread_mutex_unlock(&sim.mu);
	return n;
}

int zcsim_log_get(size_t i, uint64_t *seq, int64_t *ns, uint32_t *kind, uint32_t *msgid,
		  unsigned char *buf, uint32_t cap, uint32_t *len)
{
	int ok;

	pthread_mutex_lock(&sim.mu);
	ok = sim_log_get(i, seq, ns, kind, msgid, buf, cap, len);
	pthread_mutex_unlock(&sim.mu);
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
	out->last_abend = sim.last_abend;
	out->cibctr = sim.cibctr;
	out->queued = sim.queued;
	out->stop_queued = (uint32_t)sim.stop_queued;
	memcpy(out->svcs, sim.n.svcs, sizeof out->svcs);
	pthread_mutex_unlock(&sim.mu);
}

void zcsim_fail_svc(unsigned svc, uint32_t rc, int skip, int times)
{
	pthread_mutex_lock(&sim.mu);
	faults[svc & 0xFF].rc = rc;
	faults[svc & 0xFF].skip = skip;
	faults[svc & 0xFF].times = times;
	pthread_mutex_unlock(&sim.mu);
}

void zcsim_fail_storage(int times)
{
	pthread_mutex_lock(&sim.mu);
	sim_storage_fail_next(times);
	pthread_mutex_unlock(&sim.mu);
}

void zcsim_no_com(int on)
{
	pthread_mutex_lock(&sim.mu);
	sim_boot();
	sim.nocom = on;
	pthread_mutex_unlock(&sim.mu);
}

void zcsim_job(char out[9])
{
	pthread_mutex_lock(&sim.mu);
	sim_boot();
	memcpy(out, sim.job, 9);
	pthread_mutex_unlock(&sim.mu);
}

uint32_t zcsim_svc(unsigned n, uint32_t r0, uint32_t r1)
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
