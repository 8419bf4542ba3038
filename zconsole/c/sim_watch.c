//go:build cgo && zconsolesim

/*
 * sim_watch.c: what an observer of the simulated system waits on (package sim's test
 * helpers, the simulated operator's console): the system's next change, a record logged
 * or CIBCTR set. The program's WAIT sleeps on sim.cv, which its POSTs wake; observers
 * sleep on a condition variable of their own, so that they never wake the program.
 *
 * A count of the changes, kept under the simulator's lock, makes the wait exact: an
 * observer reads the count, looks at what it waits for, and sleeps only while the count
 * is still the one it read, so no change between its look and its sleep is missed. A
 * wake-up (zcsim_wake_watchers, for an observer whose context has ended) counts as a
 * change: every observer looks again, and those whose context goes on sleep again.
 */
#include "sim.h"

static pthread_cond_t watch_cv = PTHREAD_COND_INITIALIZER;
static uint64_t changes;

/* Call with sim.mu held, after each change an observer may wait for. */
void sim_changed(void)
{
	changes++;
	pthread_cond_broadcast(&watch_cv);
}

uint64_t zcsim_changes(void)
{
	uint64_t n;

	pthread_mutex_lock(&sim.mu);
	n = changes;
	sim_unlock();
	return n;
}

uint64_t zcsim_await_change(uint64_t seen)
{
	uint64_t n;

	pthread_mutex_lock(&sim.mu);
	while (changes == seen)
		pthread_cond_wait(&watch_cv, &sim.mu);
	n = changes;
	sim_unlock();
	return n;
}

void zcsim_wake_watchers(void)
{
	pthread_mutex_lock(&sim.mu);
	sim_changed();
	sim_unlock();
}
