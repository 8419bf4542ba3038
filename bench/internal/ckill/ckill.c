//go:build cgo && zconsolesim && linux

/*
 * ckill.c: the kill benchmark's side with no Go in it. Two C threads run the protocol's
 * own WAIT and kill (zc_watch, zc_kill, from zconsole/c, linked into the same binary)
 * against the simulated MVS, timed as the floor (bench/internal/floor) times its bare
 * condition-variable handoff, with its clock and its sleep: the waker reads
 * CLOCK_MONOTONIC (floor_now) just before zc_kill, the waiter just after zc_watch has
 * returned. It is how long the system's WAIT takes to end once the kill ECB is posted:
 * what Close waits for after its POST, off the way of the Wait that Kill wakes in Go.
 *
 * zc.h and sim_api.h are symbolic links to the protocol's headers in zconsole/c, and
 * floor.h to the floor's, so that the build cache, which hashes this folder's files,
 * sees a change to them (doc.go).
 *
 * One round is given a live work area (ckill.go opens it with the protocol's Go
 * binding, which holds the process's one handle slot, and closes it after). It starts a
 * waiter thread, waits until the waiter is in its WAIT (the simulator's WAIT count,
 * raised under the lock the waiter gives up only in the wait), sleeps for the settle
 * time, kills, and joins the waiter.
 */
#include "ckill.h"
#include "floor.h"
#include "sim_api.h"
#include "zc.h"

#include <pthread.h>
#include <stdlib.h>

#define POLL_NS 50000 /* how often the waker looks whether the waiter waits */

struct waiter {
	uint32_t area;
	int rc;       /* zc_watch's result */
	int64_t woke; /* the clock once zc_watch has returned */
	int done;     /* set, atomically, once zc_watch has returned */
	zc_fault fault;
};

/* The WAITs the simulated system has seen since its reset. */
static uint64_t waits(void)
{
	zcsim_counts n;

	zcsim_counts_get(&n);
	return n.svcs[ZC_SVC_WAIT];
}

static void *waiter_main(void *arg)
{
	struct waiter *w = (struct waiter *)arg;

	w->rc = zc_watch(w->area, &w->fault);
	w->woke = floor_now();
	__atomic_store_n(&w->done, 1, __ATOMIC_RELEASE);
	return NULL;
}

/* One round on the work area area, after settle_ns in the WAIT: the latency in *lat,
 * or a CKILL_* code. The area stays open; on CKILL_STUCK a thread still waits in it. */
int ckill_round(uint32_t area, int64_t settle_ns, int64_t *lat)
{
	struct waiter *w = (struct waiter *)calloc(1, sizeof *w);
	zc_fault f;
	pthread_t t;
	uint64_t before;
	int64_t sent;
	int rc;

	if (w == NULL)
		return CKILL_THREAD;
	w->area = area;
	before = waits();
	if (pthread_create(&t, NULL, waiter_main, w) != 0) {
		free(w);
		return CKILL_THREAD;
	}
	while (waits() == before) {
		if (__atomic_load_n(&w->done, __ATOMIC_ACQUIRE)) { /* it returned without waiting */
			pthread_join(t, NULL);
			free(w);
			return CKILL_NOWAIT;
		}
		floor_sleep(POLL_NS);
	}
	floor_sleep(settle_ns);
	sent = floor_now();
	rc = zc_kill(area, &f);
	if (rc != ZC_OK) {
		/* The POST failed: a fault a test armed. Disarm POST's faults and kill again, so
		 * that the waiter can be joined; if that fails too, leave it waiting (and its
		 * storage with it) rather than free what it waits in. */
		zcsim_fail_svc(ZC_SVC_POST, 0, 0, 0);
		if (zc_kill(area, &f) != ZC_OK)
			return CKILL_STUCK;
	}
	pthread_join(t, NULL);
	*lat = w->woke - sent;
	rc = rc != ZC_OK ? CKILL_KILL : w->rc != ZC_KILLED ? CKILL_NOWAIT : CKILL_OK;
	free(w);
	return rc;
}
