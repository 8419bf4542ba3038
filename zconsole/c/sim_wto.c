//go:build cgo && zconsolesim

/*
 * sim_wto.c: WTO and WTOR (SVC 35) and DOM (SVC 87), as the supervisor side of console
 * output.
 *
 * SVC 35 reads the WPL with sim_wpl_decode (sim_wpl.c), and refuses a WPL that does not
 * hold together with a D23 abend and the reason code z/OS documents for the fault. z/OS
 * takes D23 as a diagnostic and may still show a truncated message; the simulator
 * refuses the message, so a test sees the program's error at once. DOM of one message
 * id (R0 = 0) is simulated; DOM by list or token is refused as not simulated.
 *
 * A message that passes is decoded into a console-log record (sim_wto_record, read by
 * package sim) and gets a message id in R1. A WTOR also gets the next free reply id
 * (00-99, in turn, as MVS numbers them) and stays outstanding until the operator's
 * REPLY (which moves the text into the reply buffer, deletes the WTOR and posts the
 * ECB: sim_reply.c) or a DOM of its id (which deletes it; a later REPLY to it is
 * refused).
 */
#include "sim.h"
#include "sim_api.h"
#include <stdio.h>

#define REPLY_IDS  ZCSIM_REPLY_IDS
#define FUZZ_SIZE  65536

sim_ore sim_ores[REPLY_IDS];
static uint32_t next_reply = 1;
static uint32_t next_msgid = 1;
static uint64_t ore_seq;
static uint32_t fuzz_block;

void sim_wto_reset(void)
{
	memset(sim_ores, 0, sizeof sim_ores);
	sim_reply_reset();
	next_reply = 1;
	next_msgid = 1;
	ore_seq = 0;
}

static int take_reply_id(uint32_t *id)
{
	uint32_t k, i;

	for (k = 0; k < REPLY_IDS; k++) {
		i = (next_reply + k) % REPLY_IDS;
		if (!sim_ores[i].used) {
			*id = i;
			next_reply = (i + 1) % REPLY_IDS;
			return 1;
		}
	}
	return 0;
}

void sim_wto(sim_regs *r)
{
	unsigned char rec[SIM_REC_HDR + ZC_ML_LINES_MAX * (3 + ZC_WTO_TEXT_MAX)];
	char text[160];
	sim_wpl w;
	sim_why y;
	uint32_t msgid, replyid = 0, n;

	r->r15 = 0;
	if (sim_wpl_decode(r->r1 & 0x7FFFFFFFu, &w, &y) != 0) {
		snprintf(text, sizeof text, "WTO: reason %04X: %s", y.reason, y.text);
		r->r15 = sim_abend(0xD23, text);
		return;
	}
	if (w.replylen != 0 && !take_reply_id(&replyid)) {
		static const char full[] = "IEA405E WTO BUFFER SHORTAGE - ALL 100 REPLY IDS IN USE";
		sim_log(SIM_LOG_SYSTEM, 0, full, (uint32_t)sizeof full - 1);
		r->r15 = 8;
		return;
	}
	msgid = next_msgid;
	next_msgid = (next_msgid + 1) & 0x00FFFFFFu;
	if (next_msgid == 0)
		next_msgid = 1;
	n = sim_wto_record(&w, replyid, rec, sizeof rec);
	sim_log(SIM_LOG_WTO, msgid, rec, n);
	if (w.replylen != 0) {
		sim_ore *o = &sim_ores[replyid];
		o->used = 1;
		o->seq = ++ore_seq;
		o->msgid = msgid;
		o->buf = w.replybuf;
		o->ecb = w.replyecb;
		o->len = w.replylen;
		pthread_cond_broadcast(&sim.cv); /* for zcsim_await_wtor */
	}
	r->r1 = msgid;
}

/* Delete message msgid: the log records it; an outstanding WTOR stops being one. */
void sim_dom_id(uint32_t msgid)
{
	uint32_t i;

	for (i = 0; i < REPLY_IDS; i++) {
		if (sim_ores[i].used && sim_ores[i].msgid == msgid)
			memset(&sim_ores[i], 0, sizeof sim_ores[i]);
	}
	sim_log(SIM_LOG_DOM, msgid, "", 0);
}

void sim_dom(sim_regs *r)
{
	r->r15 = 0;
	if (r->r0 != 0) {
		r->r15 = sim_abend(0x0C4, "DOM: only DOM MSG= (R0 = 0) is simulated, not lists, tokens or REPLY=YES");
		return;
	}
	if (r->r1 > 0x00FFFFFFu) {
		r->r15 = sim_abend(0x0C4, "DOM: R1 does not hold a 24-bit message id");
		return;
	}
	if (r->r1 != 0)
		sim_dom_id(r->r1); /* DOM has no return code: R15 stays 0 */
	sim_reply_dom();
}

static uint32_t fuzz_base(void)
{
	if (fuzz_block == 0)
		fuzz_block = zc_addr(sim_obtain(SIM_SYSTEM, FUZZ_SIZE));
	return fuzz_block;
}

uint32_t zcsim_decode_base(void)
{
	uint32_t a;

	pthread_mutex_lock(&sim.mu);
	a = fuzz_base();
	pthread_mutex_unlock(&sim.mu);
	return a;
}

uint32_t zcsim_decode_wpl(const unsigned char *img, uint32_t len, unsigned char *rec,
			  uint32_t cap, uint32_t *reclen)
{
	uint32_t a, reason;
	sim_wpl w;
	sim_why y;

	*reclen = 0;
	pthread_mutex_lock(&sim.mu);
	a = fuzz_base();
	if (a == 0) {
		pthread_mutex_unlock(&sim.mu);
		return 0xFFFF;
	}
	memset(zc_ptr(a), 0, FUZZ_SIZE);
	memcpy(zc_ptr(a), img, len < FUZZ_SIZE ? len : FUZZ_SIZE);
	reason = sim_wpl_decode(a, &w, &y);
	if (reason == 0)
		*reclen = sim_wto_record(&w, 0, rec, cap);
	pthread_mutex_unlock(&sim.mu);
	return reason;
}

/*
 * Issue SVC 35 with the image img copied into program storage; the WPL is the copy, so
 * its address fields must point elsewhere (into the decode block, say). Returns R15,
 * and R1 in *r1. For tests of the supervisor side with parameter lists no builder makes.
 */
uint32_t zcsim_issue_wpl(const unsigned char *img, uint32_t len, uint32_t *r1)
{
	unsigned char *p;
	zc_regs r;

	*r1 = 0;
	p = (unsigned char *)zc_storage_obtain31(len);
	if (p == NULL)
		return 0xFFFFFFFFu;
	memcpy(p, img, len);
	r.r0 = 0;
	r.r1 = zc_addr(p);
	r.r15 = 0;
	zc_svc(ZC_SVC_WTO, &r);
	zc_storage_release31(p, len);
	*r1 = (uint32_t)r.r1;
	return r.r15;
}
