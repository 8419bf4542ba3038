//go:build cgo && (zos || zconsolesim)

/*
 * wto.c: writing to the operator (WTO, WTOR: SVC 35) and deleting what was written (DOM:
 * SVC 87).
 *
 * The same code runs on z/OS and in the simulator. Go has already checked the message
 * (codes, line lengths and types, IBM-1047 text); this file lays it out as the extended
 * WPL the WTO macro expands TEXT= into, in 31-bit storage, and issues the supervisor
 * call through zc_svc(). The layout and its sources are in docs/wto.md.
 *
 * A WTOR owns two blocks: one with the reply buffer, the ECB the system posts with the
 * reply, and a cancel ECB (zc_ask); and its WPL. The waiter WAITs on both ECBs, never on
 * an ECB another WAIT may use. The WTOR's block is released only once its reply ECB is
 * posted: a WTOR deleted unanswered keeps it (retired) for a reply the system may have
 * taken just before the DOM and post after it.
 */
#include "zc.h"

static uint32_t line_max(const zc_msg *m, uint32_t i)
{
	if (m->replylen != 0)
		return ZC_WTOR_TEXT_MAX;
	if (m->nlines == 1)
		return ZC_WTO_TEXT_MAX;
	if (m->type[i] == ZC_LT_CONTROL)
		return ZC_ML_CTL_MAX;
	return ZC_ML_TEXT_MAX;
}

/* The checks Go made, made again where a mistake would build a bad WPL. */
static int msg_ok(const zc_msg *m, uint32_t textlen)
{
	uint32_t i, sum = 0;

	if (m->nlines == 0 || m->nlines > ZC_ML_LINES_MAX)
		return 0;
	if (m->replylen > ZC_REPLY_MAX || (m->replylen != 0 && m->nlines != 1))
		return 0;
	if ((m->flags & ZC_MSG_CONSID) && (m->flags & ZC_MSG_CONSNAME))
		return 0;
	for (i = 0; i < m->nlines; i++) {
		if (m->len[i] == 0 || m->len[i] > line_max(m, i))
			return 0;
		sum += m->len[i];
	}
	return sum == textlen;
}

/* The bytes the WPL of m takes, texts and CART included. */
static uint32_t wpl_size(const zc_msg *m, uint32_t textlen)
{
	uint32_t n = ZC_WPL_WPX + ZC_WPX_SIZE;

	if (m->nlines > 1)
		n += ZC_ML_SIZE + (m->nlines - 1) * ZC_MLL_SIZE;
	if (m->flags & ZC_MSG_CART)
		n += 8;
	return n + 2 * m->nlines + textlen;
}

int zc_wpl_layout(const zc_msg *m, const unsigned char *text, uint32_t textlen,
		  unsigned char *out, uint32_t cap, uint32_t base, uint32_t *len)
{
	unsigned char *wpx, *ml = NULL;
	uint32_t size, at, i;

	*len = 0;
	if (!msg_ok(m, textlen))
		return ZC_EINVAL;
	size = wpl_size(m, textlen);
	if (size > cap)
		return ZC_EINVAL;
	memset(out, 0, size);

	/* The common section: the text is given by address, so the length is 4 + 4. */
	out[ZC_WPL_RLN] = 0;
	out[ZC_WPL_LPTXT] = 8;
	out[ZC_WPL_MCSF1] = 0;
	if (m->flags & ZC_MSG_CODES)
		out[ZC_WPL_MCSF1] |= ZC_MCS1_CODES;
	if (m->flags & ZC_MSG_RESP)
		out[ZC_WPL_MCSF1] |= ZC_MCS1_RESP;
	out[ZC_WPL_MCSF2] = ZC_MCS2_WPX | (m->nlines > 1 ? ZC_MCS2_MLWTO : 0);
	if (m->flags & ZC_MSG_NOTIME)
		out[ZC_WPL_MCSF2] |= ZC_MCS2_NOTIME;

	/* The WPX, version 2, as the macro leaves it: unused names blank, the rest 0. */
	wpx = out + ZC_WPL_WPX;
	wpx[ZC_WPX_VRSN] = ZC_WPX_VERSION;
	wpx[ZC_WPX_LNGTH] = ZC_WPX_SIZE;
	wpx[ZC_WPX_MCS2] = ZC_WPXM2_TEXTADDR;
	if (m->replylen != 0) {
		wpx[ZC_WPX_RPYLN] = (unsigned char)m->replylen;
		wpx[ZC_WPX_MCS1] |= ZC_WPXM1_WTOR;
		zc_put32(wpx + ZC_WPX_RPBUF, m->replybuf);
		zc_put32(wpx + ZC_WPX_ECBP, m->replyecb);
	}
	if (m->flags & ZC_MSG_CODES) {
		memcpy(wpx + ZC_WPX_DESC, m->desc, sizeof m->desc);
		memcpy(wpx + ZC_WPX_ROUT, m->rout, sizeof m->rout);
	}
	memset(wpx + ZC_WPX_JOBID, 0x40, 8);
	memset(wpx + ZC_WPX_JOBNM, 0x40, 8);
	memset(wpx + ZC_WPX_KEY, 0x40, 8);
	memset(wpx + ZC_WPX_SYSNA, 0x40, 8);
	memset(wpx + ZC_WPX_CNNME, 0x40, 8);
	if (m->flags & ZC_MSG_CONSID) {
		wpx[ZC_WPX_MCS1] |= ZC_WPXM1_CONSID;
		zc_put32(wpx + ZC_WPX_CNID, m->consid);
	}
	if (m->flags & ZC_MSG_CONSNAME) {
		wpx[ZC_WPX_MCS1] |= ZC_WPXM1_CONSNAME;
		memcpy(wpx + ZC_WPX_CNNME, m->consname, 8);
	}
	at = ZC_WPL_WPX + ZC_WPX_SIZE;

	/* Multi-line: the first line's type, no area id, the count; an entry per line. */
	if (m->nlines > 1) {
		ml = out + at;
		zc_put16(ml + ZC_ML_LTF, m->type[0]);
		ml[ZC_ML_AREA] = 0;
		ml[ZC_ML_LINES] = (unsigned char)m->nlines;
		at += ZC_ML_SIZE + (m->nlines - 1) * ZC_MLL_SIZE;
	}
	if (m->flags & ZC_MSG_CART) {
		memcpy(out + at, m->cart, 8);
		zc_put32(wpx + ZC_WPX_CART, base + at);
		at += 8;
	}

	/* Each line's text: a halfword length, then the text; its address where it goes. */
	for (i = 0; i < m->nlines; i++) {
		if (i == 0) {
			zc_put32(out + ZC_WPL_TEXT, base + at);
		} else {
			unsigned char *e = ml + ZC_ML_SIZE + (i - 1) * ZC_MLL_SIZE;
			zc_put16(e + ZC_MLL_LEN, 8);
			zc_put16(e + ZC_MLL_LTF, m->type[i]);
			zc_put32(e + ZC_MLL_TEXT, base + at);
		}
		zc_put16(out + at, m->len[i]);
		memcpy(out + at + 2, text, m->len[i]);
		text += m->len[i];
		at += 2 + m->len[i];
	}
	*len = at;
	return ZC_OK;
}

/* SVC 35 with R0 = 0 and R1 = A(WPL); R1 comes back with the message id. */
static int issue(unsigned char *wpl, uint32_t op, uint32_t *msgid, zc_fault *f)
{
	uint64_t r1 = zc_reg(zc_addr(wpl));
	int rc = zc_call(ZC_SVC_WTO, op, zc_reg(0), &r1, f);

	if (rc == ZC_OK)
		*msgid = (uint32_t)r1 & 0x00FFFFFFu; /* 24 bits, right-justified */
	return rc;
}

int zc_wto(const zc_msg *m, const unsigned char *text, uint32_t textlen, uint32_t *msgid,
	   zc_fault *f)
{
	unsigned char *wpl;
	uint32_t size, len;
	int rc;

	*msgid = 0;
	if (!msg_ok(m, textlen) || m->replylen != 0)
		return ZC_EINVAL;
	size = wpl_size(m, textlen);
	wpl = (unsigned char *)zc_storage_obtain31(size);
	if (wpl == NULL)
		return ZC_ENOMEM;
	rc = zc_wpl_layout(m, text, textlen, wpl, size, zc_addr(wpl), &len);
	if (rc == ZC_OK)
		rc = issue(wpl, ZC_OP_WTO, msgid, f);
	/* WTO has copied the message when it returns: the WPL is ours again. */
	zc_storage_release31(wpl, size);
	return rc;
}

int zc_dom(uint32_t msgid, zc_fault *f)
{
	uint64_t r1 = zc_reg(msgid);

	if (msgid == 0 || msgid > 0x00FFFFFFu)
		return ZC_EINVAL;
	/*
	 * R0 = 0: one id, not a list, no token, REPLY=YES not given; the one form every
	 * reading of the SVC 87 register table agrees on (where its flags sit in R0 for the
	 * other forms is UNCONFIRMED: docs/wto.md).
	 */
	return zc_call(ZC_SVC_DOM, ZC_OP_DOM, zc_reg(0), &r1, f);
}

static zc_ask *ask_of(uint32_t a)
{
	zc_ask *z = (zc_ask *)zc_ptr(a);

	if (a == 0 || memcmp(z->eye, ZC_ASK_EYE, sizeof z->eye) != 0)
		return NULL;
	return z;
}

/* Release a WTOR's WPL, once SVC 35 has no more use for it. */
static void ask_drop_wpl(zc_ask *z)
{
	if (z->wpl != 0)
		zc_storage_release31(zc_ptr(z->wpl), z->wplsize);
	z->wpl = 0;
}

/* Release a WTOR's blocks, once the system can no longer write into them. */
static void ask_release(zc_ask *z)
{
	ask_drop_wpl(z);
	memset(z->eye, 0, sizeof z->eye);
	zc_storage_release31(z, (uint32_t)sizeof *z);
}

int zc_ask_start(const zc_msg *m, const unsigned char *text, uint32_t textlen, uint32_t *ask,
		 uint32_t *msgid, zc_fault *f)
{
	zc_msg w = *m;
	zc_ask *z;
	unsigned char *wpl;
	uint32_t size, len;
	int rc;

	*ask = 0;
	*msgid = 0;
	if (m->replylen == 0 || !msg_ok(m, textlen))
		return ZC_EINVAL;
	size = wpl_size(m, textlen);
	z = (zc_ask *)zc_storage_obtain31((uint32_t)sizeof *z);
	if (z == NULL)
		return ZC_ENOMEM;
	wpl = (unsigned char *)zc_storage_obtain31(size);
	if (wpl == NULL) {
		zc_storage_release31(z, (uint32_t)sizeof *z);
		return ZC_ENOMEM;
	}
	memset(z, 0, sizeof *z); /* both ECBs start clear */
	memcpy(z->eye, ZC_ASK_EYE, sizeof z->eye);
	z->replylen = m->replylen;
	z->wpl = zc_addr(wpl);
	z->wplsize = size;
	memset(z->reply, 0x40, sizeof z->reply); /* a short reply leaves blanks */
	zc_put32(&z->ecblist[0], zc_addr(&z->replyecb));
	zc_put32(&z->ecblist[1], zc_addr(&z->cancelecb) | ZC_LIST_LAST);

	w.replybuf = zc_addr(z->reply);
	w.replyecb = zc_addr(&z->replyecb);
	rc = zc_wpl_layout(&w, text, textlen, wpl, size, zc_addr(wpl), &len);
	if (rc == ZC_OK)
		rc = issue(wpl, ZC_OP_WTOR, &z->msgid, f);
	if (rc != ZC_OK) {
		/* Not issued: the system knows nothing of these blocks. */
		ask_release(z);
		return rc;
	}
	*ask = zc_addr(z);
	*msgid = z->msgid;
	return ZC_OK;
}

int zc_ask_wait(uint32_t ask, zc_fault *f)
{
	zc_ask *z = ask_of(ask);
	int rc;

	if (z == NULL)
		return ZC_EBADAREA;
	for (;;) {
		/* A reply that came with the cancel is the operator's answer: it wins. */
		if (zc_posted(&z->replyecb))
			return ZC_REPLIED;
		if (zc_posted(&z->cancelecb))
			return ZC_CANCELLED;
		rc = zc_wait_list(z->ecblist, ZC_OP_WTOR_WAIT, f);
		if (rc != ZC_OK)
			return rc;
	}
}

int zc_ask_cancel(uint32_t ask, zc_fault *f)
{
	zc_ask *z = ask_of(ask);

	if (z == NULL)
		return ZC_EBADAREA;
	return zc_post(&z->cancelecb, ZC_OP_WTOR_CANCEL, f);
}

/*
 * End a WTOR whose cancel ECB no one will post any more, as far as it can be ended now;
 * call it again on a WTOR it retired, to sweep it.
 *
 * A posted reply ECB means the reply is in the buffer and the system is done with the
 * block: the reply is copied out, both blocks are released (ZC_REPLIED). Otherwise the
 * WTOR is deleted (DOM), once. MVS deletes a WTOR itself when it takes the reply, and a
 * DOM takes an unanswered one away from the operator; but a reply the system took just
 * before the DOM may be moved into the buffer and its ECB posted after the DOM has
 * returned: IBM does not say that reply delivery and DOM are serialized (docs/wto.md).
 * So a block whose reply ECB is not posted is never released: its WPL is, and the
 * block is retired (ZC_RETIRED), to be released by a later call once the ECB is posted
 * (ZC_REPLIED then, the late reply copied out). If DOM fails the WTOR may still be
 * answered: nothing is released, and the caller may try again.
 */
int zc_ask_end(uint32_t ask, unsigned char *buf, uint32_t cap, uint32_t *len, zc_fault *f)
{
	zc_ask *z = ask_of(ask);
	int rc;

	*len = 0;
	if (z == NULL)
		return ZC_EBADAREA;
	if (!z->deleted && !zc_posted(&z->replyecb)) {
		rc = zc_dom(z->msgid, f);
		if (rc != ZC_OK)
			return rc;
		z->deleted = 1;
	}
	if (!zc_posted(&z->replyecb)) {
		ask_drop_wpl(z);
		return ZC_RETIRED; /* the system may still post into it: kept */
	}
	*len = z->replylen < cap ? z->replylen : cap;
	memcpy(buf, z->reply, *len);
	ask_release(z);
	return ZC_REPLIED;
}
