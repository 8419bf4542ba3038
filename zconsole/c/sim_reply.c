//go:build cgo && zconsolesim

/*
 * sim_reply.c: the operator's REPLY to a WTOR (R nn,text), the system's side of it, and
 * what package sim asks about outstanding WTORs.
 *
 * A REPLY to an outstanding WTOR (sim_wto.c keeps them, by reply id) is taken at once:
 * IEE600I in the log, the text moved left-adjusted into the WTOR's reply buffer, the
 * WTOR deleted and its ECB posted.
 *
 * A fault a test arms (zcsim_defer_reply) holds the next REPLY back: the system takes
 * it (IEE600I, the WTOR deleted) but moves the text and posts the ECB only after the
 * program's next DOM has returned, when the program next enters the system: the order
 * IBM does not rule out, a reply accepted just before the DOM and delivered after it.
 * The late reply is written where the WTOR said, as z/OS would write it: into storage
 * the program still holds, or, if the program has released it, into released storage,
 * which is an abend here (and, under ASan, the use of poisoned storage it is).
 */
#include "sim.h"
#include "sim_api.h"

/* A reply taken and held back (zcsim_defer_reply). */
typedef struct sim_late {
	int armed;    /* the next reply is held */
	int held;     /* a reply is held */
	int deleted;  /* the program has issued a DOM since */
	sim_ore o;    /* where it goes */
	uint32_t len; /* its length */
	unsigned char text[ZC_REPLY_MAX];
} sim_late;

static sim_late late;

void sim_reply_reset(void)
{
	memset(&late, 0, sizeof late);
}

/* The program has issued a DOM: a reply held back may now be delivered. */
void sim_reply_dom(void)
{
	if (late.held)
		late.deleted = 1;
}

/*
 * Deliver a reply held back until after a DOM: move the text in, post the ECB. It is
 * written whatever the storage now is, as z/OS writes it; storage the program has
 * released is first recorded as an abend. Call with sim.mu held, as the program enters
 * the system.
 */
void sim_late_reply(void)
{
	if (!late.held || !late.deleted)
		return;
	late.held = 0;
	if (!sim_addressable(late.o.buf, late.o.len) || !sim_addressable(late.o.ecb, 4))
		sim_abend(0x0C4, "REPLY: a reply taken before a DOM was delivered after it into storage the program had released");
	memcpy(zc_ptr(late.o.buf), late.text, late.len);
	sim_post_ecb(late.o.ecb, 0);
}

int zcsim_reply(uint32_t id, const unsigned char *text, uint32_t len)
{
	unsigned char rec[ZCSIM_RPL_TEXT + ZC_REPLY_MAX];
	sim_ore o;
	int rc = ZCSIM_REPLIED;

	pthread_mutex_lock(&sim.mu);
	if (id >= ZCSIM_REPLY_IDS || !sim_ores[id].used) {
		rc = ZCSIM_NOT_OUTSTANDING;
		goto out;
	}
	o = sim_ores[id];
	if (len > o.len || len > ZC_REPLY_MAX) {
		rc = ZCSIM_TOO_LONG;
		goto out;
	}
	if (!sim_addressable(o.buf, o.len) || (o.ecb & 3) != 0 || !sim_addressable(o.ecb, 4)) {
		/* The program gave the storage back with its WTOR still outstanding. */
		sim_abend(0x0C4, "REPLY: the reply buffer or ECB of an outstanding WTOR is no longer the program's storage");
		sim_dom_id(o.msgid);
		rc = ZCSIM_REPLY_LOST;
		goto out;
	}
	/* The reply goes in left-adjusted; then the WTOR is deleted and the ECB posted. */
	rec[ZCSIM_RPL_ID] = (unsigned char)id;
	rec[ZCSIM_RPL_LEN] = (unsigned char)len;
	memcpy(rec + ZCSIM_RPL_TEXT, text, len);
	sim_log(ZCSIM_LOG_REPLY, o.msgid, rec, ZCSIM_RPL_TEXT + len);
	sim_dom_id(o.msgid);
	if (late.armed) {
		/* Taken now, delivered after the program's next DOM (sim_late_reply). */
		late.armed = 0;
		late.held = 1;
		late.deleted = 0;
		late.o = o;
		late.len = len;
		memcpy(late.text, text, len);
		goto out;
	}
	memcpy(zc_ptr(o.buf), text, len);
	sim_post_ecb(o.ecb, 0);
out:
	sim_unlock();
	return rc;
}

void zcsim_defer_reply(int on)
{
	pthread_mutex_lock(&sim.mu);
	late.armed = on != 0;
	sim_unlock();
}

uint32_t zcsim_outstanding(uint32_t *ids, uint32_t cap)
{
	uint32_t n = 0, i, k;
	uint64_t last = 0, best;

	pthread_mutex_lock(&sim.mu);
	/* In the order they were issued. */
	for (;;) {
		best = 0;
		k = ZCSIM_REPLY_IDS;
		for (i = 0; i < ZCSIM_REPLY_IDS; i++) {
			if (sim_ores[i].used && sim_ores[i].seq > last && (best == 0 || sim_ores[i].seq < best)) {
				best = sim_ores[i].seq;
				k = i;
			}
		}
		if (k == ZCSIM_REPLY_IDS)
			break;
		if (n < cap)
			ids[n] = k;
		n++;
		last = best;
	}
	sim_unlock();
	return n;
}
