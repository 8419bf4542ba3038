//go:build cgo && linux

/*
 * floor.c: the floor a kill's latency is held against. A waiter blocks in
 * pthread_cond_wait until a waker, on another thread, sets a flag and signals; the
 * time from the waker's stamp, taken just before it locks the mutex, to the waiter's,
 * taken once it has left the wait and unlocked the mutex, is one round. Nothing else
 * is in it: no ECB, no simulator, no Go.
 *
 * The same pair is called from Go (floor.go), so that a benchmark can also measure
 * what the handoff costs when both threads are goroutines in cgo calls.
 */
#include "floor.h"

#include <pthread.h>
#include <stdlib.h>
#include <time.h>

struct floor_pair {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	uint64_t waits; /* waits begun: the waiter is in pthread_cond_wait once it is raised */
	int posted;     /* the waker signalled; the waiter clears it */
	int64_t sent;   /* the waker's clock reading, taken before it locked the mutex */
};

floor_pair *floor_pair_new(void)
{
	floor_pair *p = (floor_pair *)calloc(1, sizeof *p);

	if (p == NULL)
		return NULL;
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	return p;
}

void floor_pair_free(floor_pair *p)
{
	pthread_cond_destroy(&p->cv);
	pthread_mutex_destroy(&p->mu);
	free(p);
}

/* Block until posted. *sent is the waker's clock reading, taken before it locked the
 * mutex; *woke the waiter's, taken once it has left the wait and unlocked the mutex.
 * The count of waits goes up under the mutex, which the waiter gives up only in
 * pthread_cond_wait: a waker that reads the new count is sure the waiter is in the
 * wait, or past it. */
void floor_pair_wait(floor_pair *p, int64_t *sent, int64_t *woke)
{
	pthread_mutex_lock(&p->mu);
	p->waits++;
	while (!p->posted)
		pthread_cond_wait(&p->cv, &p->mu);
	p->posted = 0;
	*sent = p->sent;
	pthread_mutex_unlock(&p->mu);
	*woke = floor_now();
}

uint64_t floor_pair_waits(floor_pair *p)
{
	uint64_t n;

	pthread_mutex_lock(&p->mu);
	n = p->waits;
	pthread_mutex_unlock(&p->mu);
	return n;
}

/* Read the clock, then end the wait. */
void floor_pair_post(floor_pair *p)
{
	int64_t sent = floor_now();

	pthread_mutex_lock(&p->mu);
	p->sent = sent;
	p->posted = 1;
	pthread_cond_signal(&p->cv);
	pthread_mutex_unlock(&p->mu);
}

/* The monotonic clock in nanoseconds: the clock Go's time.Now reads for durations. */
int64_t floor_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Sleep ns nanoseconds, whatever signals come. */
void floor_sleep(int64_t ns)
{
	struct timespec ts;

	ts.tv_sec = (time_t)(ns / 1000000000);
	ts.tv_nsec = (long)(ns % 1000000000);
	while (nanosleep(&ts, &ts) != 0)
		;
}

#define POLL_NS 50000 /* how often the waker looks whether the waiter is waiting */

struct waiter {
	floor_pair *p;
	int rounds;
	int64_t *lat;
};

static void *waiter_main(void *arg)
{
	struct waiter *w = (struct waiter *)arg;
	int i;

	int64_t sent, woke;

	for (i = 0; i < w->rounds; i++) {
		floor_pair_wait(w->p, &sent, &woke);
		w->lat[i] = woke - sent;
	}
	return NULL;
}

/* floor_run measures rounds handoffs from the calling thread (the waker) to a thread
 * of its own (the waiter) and stores each one's latency in lat, in nanoseconds. Each
 * round the waker waits until the waiter is in its wait, sleeps settle_ns more so that
 * the waiter is asleep in the kernel, not about to be, then posts. It returns 0, or -1
 * if it could not start the waiter. */
int floor_run(int rounds, int64_t settle_ns, int64_t *lat)
{
	struct waiter w;
	pthread_t th;
	int i;

	w.p = floor_pair_new();
	w.rounds = rounds;
	w.lat = lat;
	if (w.p == NULL)
		return -1;
	if (pthread_create(&th, NULL, waiter_main, &w) != 0) {
		floor_pair_free(w.p);
		return -1;
	}
	for (i = 0; i < rounds; i++) {
		while (floor_pair_waits(w.p) < (uint64_t)i + 1)
			floor_sleep(POLL_NS);
		floor_sleep(settle_ns);
		floor_pair_post(w.p);
	}
	pthread_join(th, NULL);
	floor_pair_free(w.p);
	return 0;
}

/* floor_nop does nothing: a call of it from Go is the cost of the cgo boundary. */
void floor_nop(void)
{
}
