/*
 * floor.h: a condition-variable handoff between two threads, the floor the console's
 * kill latency is held against (floor.c); and the clock and the sleep it is timed and
 * settled with, which the kill from C threads (../ckill) uses too.
 */
#ifndef FLOOR_H
#define FLOOR_H

#include <stdint.h>

typedef struct floor_pair floor_pair;

floor_pair *floor_pair_new(void);
void floor_pair_free(floor_pair *p);
void floor_pair_wait(floor_pair *p, int64_t *sent, int64_t *woke);
uint64_t floor_pair_waits(floor_pair *p);
void floor_pair_post(floor_pair *p);

int64_t floor_now(void);
void floor_sleep(int64_t ns);
int floor_run(int rounds, int64_t settle_ns, int64_t *lat);
void floor_nop(void);

#endif
