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
 * A message that passes becomes a console-log record (sim_wto_record, laid out as
 * sim_api.h's ZCSIM_REC_* say, read by package sim) and gets a message id in R1. A WTOR
 * also gets the next free reply id (00-99, in turn, as MVS numbers them) and stays
 * outstanding until the operator's REPLY (which moves the text into the reply buffer,
 * deletes the WTOR and posts the ECB: sim_reply.c) or a DOM of its id (which deletes
 * it; a later REPLY to it is refused).
 */
#include "sim.h"
#include "sim_api.h"
#include <stdio.h>

#define REPLY_IDS  ZCSIM_REPLY_IDS

sim_ore sim_ores[REPLY_IDS];
static uint32_t next_reply = 1;
static uint32_t next_msgid = 1;
static uint64_t ore_seq;

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

/*
 * The descriptor codes the system assigns a single-line WTO from a problem program:
 * 1 or 2 become 7, and a WTO with no codes at all gets 7 (docs/wto.md).
 */
static void problem_desc(const sim_wpl *w, unsigned char desc[2])
{
	memcpy(desc, w->desc, 2);
	if (w->nlines != 1 || w->replylen != 0)
		return;
	if (!(w->mcs1 & ZC_MCS1_CODES)) {
		desc[0] = 0x02; /* code 7: bit 6 */
		desc[1] = 0;
		return;
	}
	if (desc[0] & 0xC0) {
		desc[0] &= (unsigned char)~0xC0;
		desc[0] |= 0x02;
	}
}

/*
 * The console-log record of w (sim_api.h: ZCSIM_REC_*, ZCSIM_RF_*, ZCSIM_LINE_*), in
 * rec[0..cap). Returns its length, 0 if it does not fit.
 */
uint32_t sim_wto_record(const sim_wpl *w, uint32_t replyid, unsigned char *rec, uint32_t cap)
{
	unsigned char *flags = rec + ZCSIM_REC_FLAGS;
	uint32_t i, n = ZCSIM_REC_HDR, j;

	if (cap < ZCSIM_REC_HDR)
		return 0;
	memset(rec, 0, ZCSIM_REC_HDR);
	if (w->replylen)
		*flags |= ZCSIM_RF_WTOR;
	if (w->mcs2 & ZC_MCS2_MLWTO)
		*flags |= ZCSIM_RF_MLWTO;
	if (w->mcs1 & ZC_MCS1_RESP)
		*flags |= ZCSIM_RF_RESP;
	if (w->mcs1 & ZC_MCS1_HRDCPY)
		*flags |= ZCSIM_RF_HRDCPY;
	if (w->mcs1 & ZC_MCS1_CODES) {
		*flags |= ZCSIM_RF_CODES;
		memcpy(rec + ZCSIM_REC_ROUT, w->rout, sizeof w->rout);
	}
	if (w->wpxm1 & ZC_WPXM1_CONSID) {
		*flags |= ZCSIM_RF_CONSID;
		zc_put32(rec + ZCSIM_REC_CONSID, w->consid);
	}
	if (w->wpxm1 & ZC_WPXM1_CONSNAME) {
		*flags |= ZCSIM_RF_CONSNAME;
		memcpy(rec + ZCSIM_REC_CONSNAME, w->consname, sizeof w->consname);
	}
	for (j = 0; j < sizeof w->cart; j++) {
		if (w->cart[j] != 0) {
			*flags |= ZCSIM_RF_CART;
			memcpy(rec + ZCSIM_REC_CART, w->cart, sizeof w->cart);
			break;
		}
	}
	if (w->mcs2 & ZC_MCS2_NOTIME)
		rec[ZCSIM_REC_FLAGS2] |= ZCSIM_RF2_NOTIME;
	rec[ZCSIM_REC_REPLYID] = (unsigned char)replyid;
	rec[ZCSIM_REC_REPLYLEN] = (unsigned char)w->replylen;
	rec[ZCSIM_REC_NLINES] = (unsigned char)w->nlines;
	problem_desc(w, rec + ZCSIM_REC_DESC);
	memset(rec + ZCSIM_REC_JOB, ' ', 8);
	for (j = 0; j < 8 && sim.job[j] != 0; j++)
		rec[ZCSIM_REC_JOB + j] = (unsigned char)sim.job[j];
	for (i = 0; i < w->nlines; i++) {
		if (n + ZCSIM_LINE_TEXT + w->len[i] > cap)
			return 0;
		zc_put16(rec + n + ZCSIM_LINE_TYPE, w->type[i]);
		rec[n + ZCSIM_LINE_LEN] = (unsigned char)w->len[i];
		if (w->len[i] != 0)
			memcpy(rec + n + ZCSIM_LINE_TEXT, zc_ptr(w->text[i]), w->len[i]);
		n += ZCSIM_LINE_TEXT + w->len[i];
	}
	return n;
}

void sim_wto(sim_regs *r)
{
	unsigned char rec[ZCSIM_REC_HDR + ZC_ML_LINES_MAX * (ZCSIM_LINE_TEXT + ZC_WTO_TEXT_MAX)];
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
		sim_log(ZCSIM_LOG_SYSTEM, 0, full, (uint32_t)sizeof full - 1);
		r->r15 = 8;
		return;
	}
	msgid = next_msgid;
	next_msgid = (next_msgid + 1) & 0x00FFFFFFu;
	if (next_msgid == 0)
		next_msgid = 1;
	n = sim_wto_record(&w, replyid, rec, sizeof rec);
	sim_log(ZCSIM_LOG_WTO, msgid, rec, n); /* a WTO with no time stamp: RF2_NOTIME */
	if (w.replylen != 0) {
		sim_ore *o = &sim_ores[replyid];
		o->used = 1;
		o->seq = ++ore_seq;
		o->msgid = msgid;
		o->buf = w.replybuf;
		o->ecb = w.replyecb;
		o->len = w.replylen;
		sim_changed(); /* now outstanding: its record was logged before */
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
	sim_log(ZCSIM_LOG_DOM, msgid, "", 0);
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
