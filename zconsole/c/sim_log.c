//go:build cgo && zconsolesim

/*
 * sim_log.c: the console log of the simulated system, in the order things happened:
 * operator commands as typed, system messages, abends the simulator detected, and
 * (through the WTO service) messages programs write. Records are kept in host memory,
 * not in simulated storage: the log is the simulator's, not the address space's.
 */
#include "sim.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define LOG_KEEP 200000 /* records kept; the oldest half goes when this is reached */

typedef struct sim_rec {
	uint64_t seq;
	int64_t ns;
	uint32_t kind;
	uint32_t msgid;
	uint32_t len;
	unsigned char *data;
} sim_rec;

static sim_rec *recs;
static size_t nrecs, caprecs;
static uint64_t next_seq = 1;

void sim_log(uint32_t kind, uint32_t msgid, const void *data, uint32_t len)
{
	struct timespec ts;
	sim_rec *r;
	size_t i;

	if (nrecs == LOG_KEEP) {
		for (i = 0; i < LOG_KEEP / 2; i++)
			free(recs[i].data);
		memmove(recs, recs + LOG_KEEP / 2, (nrecs - LOG_KEEP / 2) * sizeof *recs);
		nrecs -= LOG_KEEP / 2;
	}
	if (nrecs == caprecs) {
		size_t ncap = caprecs ? caprecs * 2 : 256;
		sim_rec *nr = (sim_rec *)realloc(recs, ncap * sizeof *nr);
		if (nr == NULL)
			return;
		recs = nr;
		caprecs = ncap;
	}
	r = &recs[nrecs];
	r->data = (unsigned char *)malloc(len ? len : 1);
	if (r->data == NULL)
		return;
	memcpy(r->data, data, len);
	clock_gettime(CLOCK_REALTIME, &ts);
	r->seq = next_seq++;
	r->ns = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
	r->kind = kind;
	r->msgid = msgid;
	r->len = len;
	nrecs++;
	sim_changed();
}

void sim_log_clear(void)
{
	size_t i;

	for (i = 0; i < nrecs; i++)
		free(recs[i].data);
	nrecs = 0;
	sim_changed();
}

uint32_t sim_abend(uint32_t code, const char *why)
{
	char text[200];
	int n;

	sim.n.abends++;
	sim.last_abend = code;
	n = snprintf(text, sizeof text, "ABEND S%03X: %s", code & 0xFFF, why);
	sim_log(ZCSIM_LOG_ABEND, 0, text, (uint32_t)(n < (int)sizeof text ? n : (int)sizeof text - 1));
	return ZC_RC_ABEND | (code & 0xFFF);
}

/* Copy record i out; its data goes to buf, cut to cap. Returns 0 past the end. */
int sim_log_get(size_t i, uint64_t *seq, int64_t *ns, uint32_t *kind, uint32_t *msgid,
		unsigned char *buf, uint32_t cap, uint32_t *len)
{
	sim_rec *r;

	if (i >= nrecs)
		return 0;
	r = &recs[i];
	*seq = r->seq;
	*ns = r->ns;
	*kind = r->kind;
	*msgid = r->msgid;
	*len = r->len;
	memcpy(buf, r->data, r->len < cap ? r->len : cap);
	return 1;
}

size_t sim_log_count(void)
{
	return nrecs;
}
