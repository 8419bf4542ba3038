//go:build cgo && zconsolesim

/*
 * sim_killbench.c: the kill benchmark's side with no Go in it. Two C threads run the
 * protocol's own code (zc_init, zc_wait, zc_kill, zc_term) against the simulated MVS,
 * timed as internal/floor times its bare condition-variable handoff: the waker reads
 * CLOCK_MONOTONIC just before zc_kill, the waiter just after zc_wait has returned. Set
 * beside the floor and the kill from goroutines, it tells the console's C and the
 * simulated supervisor apart from what Go adds around them.
 *
 * Each round opens a work area, starts a waiter thread, waits until the waiter is in
 * its WAIT (the simulator's WAIT count, raised under the lock the waiter gives up only
 * in the wait), sleeps for the settle time, kills, joins the waiter and closes the area.
 */
#include "sim.h"
#include "sim_api.h"

#include <pthread.h>
#include <string.h>
#include <time.h>

#define KB_POLL_NS 50000 /* how often the waker looks whether the waiter waits */

struct kb_waiter {
	uint32_t area;
	int rc;         /* zc_wait's result */
	int64_t woke;   /* the clock once zc_wait has returned */
	int done;       /* set, atomically, once zc_wait has returned */
	zc_fault fault;
	unsigned char buf[ZC_COPY_MAX];
};

static void kb_sleep(int64_t ns)
{
	struct timespec ts;

	ts.tv_sec = (time_t)(ns / 1000000000);
	ts.tv_nsec = (long)(ns % 1000000000);
	while (nanosleep(&ts, &ts) != 0)
		;
}

static uint64_t kb_waits(void)
{
	uint64_t n;

	pthread_mutex_lock(&sim.mu);
	n = sim.n.svcs[ZC_SVC_WAIT];
	pthread_mutex_unlock(&sim.mu);
	return n;
}

static void *kb_waiter_main(void *arg)
{
	struct kb_waiter *w = (struct kb_waiter *)arg;
	zc_copy out;

	w->rc = zc_wait(w->area, w->buf, sizeof w->buf, &out, &w->fault);
	w->woke = sim_now_ns();
	__atomic_store_n(&w->done, 1, __ATOMIC_RELEASE);
	return NULL;
}

/* One round: its latency in *lat, or a ZCSIM_KB_* code. */
static int kb_round(int64_t settle_ns, int64_t *lat)
{
	static struct kb_waiter w; /* one round at a time: the caller holds the handle slot */
	unsigned char buf[ZC_COPY_MAX];
	zc_copy start;
	zc_fault f;
	pthread_t t;
	uint64_t before;
	int64_t sent;
	int rc;

	memset(&w, 0, sizeof w);
	if (zc_init(5, &w.area, buf, sizeof buf, &start, &f) != ZC_OK)
		return ZCSIM_KB_INIT;
	before = kb_waits();
	if (pthread_create(&t, NULL, kb_waiter_main, &w) != 0) {
		zc_term(w.area, &f);
		return ZCSIM_KB_THREAD;
	}
	while (kb_waits() == before) {
		if (__atomic_load_n(&w.done, __ATOMIC_ACQUIRE)) { /* it returned without waiting */
			pthread_join(t, NULL);
			zc_term(w.area, &f);
			return ZCSIM_KB_WAIT;
		}
		kb_sleep(KB_POLL_NS);
	}
	kb_sleep(settle_ns);
	sent = sim_now_ns();
	rc = zc_kill(w.area, &f);
	if (rc != ZC_OK) {
		/* The POST failed (a fault a test armed): end the wait from the system's side,
		 * which faults do not touch, so that the waiter can be joined. */
		pthread_mutex_lock(&sim.mu);
		sim_post_ecb(zc_addr(&((zc_area *)zc_ptr(w.area))->killecb), 0);
		pthread_mutex_unlock(&sim.mu);
	}
	pthread_join(t, NULL);
	*lat = w.woke - sent;
	zc_term(w.area, &f);
	if (rc != ZC_OK)
		return ZCSIM_KB_KILL;
	if (w.rc != ZC_KILLED)
		return ZCSIM_KB_WAIT;
	return ZCSIM_KB_OK;
}

int zcsim_kill_rounds(int rounds, int64_t settle_ns, int64_t *lat)
{
	int i, rc;

	for (i = 0; i < rounds; i++) {
		rc = kb_round(settle_ns, &lat[i]);
		if (rc != ZCSIM_KB_OK)
			return rc;
	}
	return ZCSIM_KB_OK;
}
