//go:build cgo && zconsolesim

/*
 * sim_ecb.c: WAIT (SVC 1) and POST (SVC 2) on simulated ECBs.
 *
 * WAIT takes R0 bit 0 as LONG=YES: a wait the simulator treats as any other (there is
 * nothing to swap out here), and counts, so tests see the protocol asks for it.
 *
 * An ECB is a big-endian fullword: X'80' in its first byte while a task waits on it,
 * X'40' once posted, a 30-bit completion code below. WAIT counts the ECBs already
 * posted; if fewer than the event count, it sets the wait bit on the others and sleeps
 * on the simulator's condition variable until POSTs make up the count. POST sets the
 * post bit and the code, clears the wait bit, and wakes every sleeper to look again
 * when the simulator's lock is given up: at its release (sim_unlock), or, when the SVC
 * that posted sleeps in a WAIT of its own, just before that sleep.
 * Nothing polls. A POST counts towards the WAIT it ends even if the ECB is cleared
 * again before the waiting task looks (the system clears the communications ECB when
 * another task frees the last CIB): in MVS, POST makes the waiting task ready there and
 * then. The sleeper tells such an ECB by its wait bit, which only a POST takes off.
 *
 * A program that WAITs again and again on an ECB it never clears spins: z/OS lets it
 * burn the CPU; the simulator calls it an abend after SPIN_MAX such WAITs in a row, so a
 * test fails at once instead of hanging.
 *
 * Program errors become simulated abends (completion codes as MVS documents them:
 * 201 for a bad ECB address in WAIT, 301 for an ECB another WAIT already uses, 102 for a
 * bad ECB address in POST).
 */
#include "sim.h"

#define LIST_MAX 255
#define SPIN_MAX 100000

static int ecb_ok(uint32_t a)
{
	return (a & 3) == 0 && sim_addressable(a, 4);
}

static uint32_t *ecb_at(uint32_t a)
{
	return (uint32_t *)zc_ptr(a);
}

/* Whether an ECB counts towards a WAIT: posted, or, once the WAIT has set its wait bit
 * (armed), posted and cleared again since: its wait bit is gone. */
static int satisfied(uint32_t v, int armed)
{
	return (v & ZC_ECB_POST) != 0 || (armed && (v & ZC_ECB_WAIT) == 0);
}

void sim_post_ecb(uint32_t ecb, uint32_t code)
{
	zc_store32(ecb_at(ecb), ZC_ECB_POST | (code & ZC_ECB_CODE));
	sim.posted = 1;
}

/*
 * Release sim.mu, then wake the WAITs if a POST came while it was held. The wake-up
 * comes after the release, so that a task it wakes finds the lock free instead of
 * waking only to sleep on it. None is lost: a WAIT that looked at its ECBs before the
 * POST did so under the lock, and went to sleep in pthread_cond_wait, which gives the
 * lock up and sleeps in one step, before the POST could take the lock; so it sleeps on
 * sim.cv when the broadcast comes. A WAIT that looks after the POST sees the ECB posted.
 */
void sim_unlock(void)
{
	int posted = sim.posted;

	sim.posted = 0;
	pthread_mutex_unlock(&sim.mu);
	if (posted)
		pthread_cond_broadcast(&sim.cv);
}

void sim_post(sim_regs *r)
{
	r->r15 = 0;
	if (r->r1 & 0x80000000u) {
		r->r15 = sim_abend(0x102, "POST: the cross-memory (parameter list) form is not simulated");
		return;
	}
	if (!ecb_ok(r->r1)) {
		r->r15 = sim_abend(0x102, "POST: the ECB address is not valid");
		return;
	}
	sim_post_ecb(r->r1, r->r0);
}

/* Read the ECB addresses R1 names: one ECB, or a list whose address is complemented. */
static int ecbs_of(const sim_regs *r, uint32_t *ecbs, uint32_t *n)
{
	uint32_t list, e;

	*n = 0;
	if ((int32_t)r->r1 >= 0) {
		ecbs[(*n)++] = r->r1;
		return 0;
	}
	list = 0u - r->r1;
	for (;;) {
		if (*n == LIST_MAX || !sim_addressable(list + 4 * *n, 4))
			return -1; /* not addressable, or no last-entry bit in reach */
		e = zc_get32(zc_ptr(list + 4 * *n));
		ecbs[(*n)++] = e & ~ZC_LIST_LAST;
		if (e & ZC_LIST_LAST)
			return 0;
	}
}

void sim_wait(sim_regs *r)
{
	uint32_t ecbs[LIST_MAX], n, i, done, v;
	uint32_t count = r->r0 & ~ZC_WAIT_LONG; /* bit 0 asks for a long wait */
	int armed = 0;                           /* the wait bits are set, and ours */

	r->r15 = 0;
	if (r->r0 & ZC_WAIT_LONG)
		sim.n.long_waits++; /* accepted, and counted so tests see it was asked for */
	if (ecbs_of(r, ecbs, &n) != 0) {
		r->r15 = sim_abend(0x201, "WAIT: the ECB list is not addressable or has no last entry");
		return;
	}
	for (i = 0; i < n; i++) {
		if (!ecb_ok(ecbs[i])) {
			r->r15 = sim_abend(0x201, "WAIT: an ECB address is not valid");
			return;
		}
	}
	if (count == 0)
		return;
	if (count > n) {
		r->r15 = sim_abend(0x201, "WAIT: the event count exceeds the number of ECBs");
		return;
	}
	for (;;) {
		done = 0;
		for (i = 0; i < n; i++)
			done += satisfied(zc_load32(ecb_at(ecbs[i])), armed);
		if (done >= count)
			break;
		sim.spins = 0;
		if (!armed) {
			for (i = 0; i < n; i++) {
				v = zc_load32(ecb_at(ecbs[i]));
				if (v & ZC_ECB_WAIT) {
					r->r15 = sim_abend(0x301, "WAIT: an ECB is already being waited on");
					return;
				}
			}
			for (i = 0; i < n; i++) {
				v = zc_load32(ecb_at(ecbs[i]));
				if (!(v & ZC_ECB_POST))
					zc_store32(ecb_at(ecbs[i]), v | ZC_ECB_WAIT);
			}
			armed = 1;
		}
		if (sim.posted) { /* this thread's SVC posted, and gives up the lock here */
			sim.posted = 0;
			pthread_cond_broadcast(&sim.cv);
		}
		pthread_cond_wait(&sim.cv, &sim.mu);
	}
	if (!armed && ++sim.spins >= SPIN_MAX) {
		sim.spins = 0;
		r->r15 = sim_abend(0x0C4, "WAIT: satisfied at once 100000 times in a row by ECBs no one clears; the program loops");
		return;
	}
	/* The wait is over: take the wait bit off every ECB that was not posted. */
	for (i = 0; armed && i < n; i++) {
		v = zc_load32(ecb_at(ecbs[i]));
		if ((v & (ZC_ECB_POST | ZC_ECB_WAIT)) == ZC_ECB_WAIT)
			zc_store32(ecb_at(ecbs[i]), v & ~ZC_ECB_WAIT);
	}
}
