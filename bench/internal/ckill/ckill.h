/*
 * ckill.h: the kill benchmark's side with no Go in it (ckill.c).
 */
#ifndef CKILL_H
#define CKILL_H

#include <stdint.h>

/* Results of ckill_round. */
enum {
	CKILL_OK = 0,     /* the kill ended the wait; its latency is in *lat             */
	CKILL_THREAD = 1, /* the waiter thread could not be started                      */
	CKILL_NOWAIT = 2, /* the waiter's WAIT ended other than by the kill, or never began */
	CKILL_KILL = 3,   /* the kill's POST failed; the wait was ended by a second one   */
	CKILL_STUCK = 4   /* the kill's POST failed twice: the waiter still waits         */
};

int ckill_round(uint32_t area, int64_t settle_ns, int64_t *lat);

#endif
