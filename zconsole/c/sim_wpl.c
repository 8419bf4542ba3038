//go:build cgo && zconsolesim

/*
 * sim_wpl.c: validating a WPL as SVC 35 reads it (sim_wto.c is the service that issues
 * the message), and the entry for tests and fuzzing that decodes an image without
 * issuing anything (zcsim_decode_wpl).
 *
 * The WPL is read the way a careful supervisor reads it: every byte is first checked
 * to lie in storage the program holds, every length and flag is checked against the
 * documented layout (docs/wto.md), and a WPL that does not hold together is refused
 * with the D23 reason code z/OS documents for the same fault:
 *   0002 wrong number of lines      0003 storage the caller cannot access
 *   0004 a text of length zero      0005 a text too long for its line type
 *   0006 an authorized request      0007 mutually exclusive requests or line types
 *   0008 a wrong structure          0009 a zero text address
 *
 * Only the extended WPL (a version 2 WPX with the text by address, as WTO TEXT=
 * expands) is simulated; a WPL in another form is refused as not simulated.
 */
#include "sim.h"
#include "sim_api.h"
#include <stdio.h>

/* The bytes at [a, a+n) if they lie in one block the program or system holds. */
static const unsigned char *at(uint32_t a, uint32_t n)
{
	if (a == 0 || !sim_addressable(a, n))
		return NULL;
	return (const unsigned char *)zc_ptr(a);
}

static uint32_t bad(sim_why *y, uint32_t reason, const char *text)
{
	y->reason = reason;
	snprintf(y->text, sizeof y->text, "%s", text);
	return reason;
}

/* Read one line's text: a halfword length at a, the text after it. */
static uint32_t read_text(uint32_t a, uint32_t max, uint32_t *len, uint32_t *text, sim_why *y)
{
	const unsigned char *p;

	if (a == 0)
		return bad(y, 0x0009, "a text address is zero");
	p = at(a, 2);
	if (p == NULL)
		return bad(y, 0x0003, "a text is not in storage the program can access");
	*len = zc_get16(p);
	if (*len == 0)
		return bad(y, 0x0004, "a text has length zero");
	if (*len > max)
		return bad(y, 0x0005, "a text is too long for its line type");
	if (at(a + 2, *len) == NULL)
		return bad(y, 0x0003, "a text is not in storage the program can access");
	*text = a + 2;
	return 0;
}

static uint32_t type_max(uint16_t t)
{
	return t == ZC_LT_CONTROL ? ZC_ML_CTL_MAX : ZC_ML_TEXT_MAX;
}

/* The line types of a multi-line WTO, in the order the macro allows them. */
static uint32_t check_types(const sim_wpl *w, sim_why *y)
{
	uint32_t i, labels = 0;
	int data = 0;

	for (i = 0; i < w->nlines; i++) {
		uint16_t t = w->type[i];
		int last = i + 1 == w->nlines;
		switch (t) {
		case ZC_LT_CONTROL:
			if (i != 0)
				return bad(y, 0x0007, "a control line (C) that is not the first");
			break;
		case ZC_LT_LABEL:
			if (data || ++labels > 2)
				return bad(y, 0x0007, "a label line (L) after a data line, or a third one");
			break;
		case ZC_LT_DATA:
			data = 1;
			break;
		case ZC_LT_DATA | ZC_LT_END:
		case ZC_LT_END:
			if (!last)
				return bad(y, 0x0007, "an end line (DE or E) that is not the last");
			break;
		default:
			return bad(y, 0x0007, "a line type that is not C, L, D, DE or E");
		}
		if (last && !(t & ZC_LT_END))
			return bad(y, 0x0007, "no end line: continuing a multi-line WTO is not simulated");
	}
	return 0;
}

/* The lines of a multi-line WTO: the extension after the WPX and an entry per line. */
static uint32_t decode_lines(uint32_t wpl, uint32_t first, sim_wpl *w, sim_why *y)
{
	const unsigned char *ml, *e;
	uint32_t n, i, addr, rc;

	ml = at(wpl + ZC_WPL_WPX + ZC_WPX_SIZE, ZC_ML_SIZE);
	if (ml == NULL)
		return bad(y, 0x0003, "the multi-line extension is not in storage the program can access");
	n = ml[ZC_ML_LINES];
	if (n == 0)
		return bad(y, 0x0002, "a multi-line WTO with no lines");
	if (n > ZC_ML_LINES_MAX)
		return bad(y, 0x0006, "more than 10 lines needs an authorized program");
	w->nlines = n;
	w->type[0] = zc_get16(ml + ZC_ML_LTF);
	for (i = 1; i < n; i++) {
		e = at(wpl + ZC_WPL_WPX + ZC_WPX_SIZE + ZC_ML_SIZE + (i - 1) * ZC_MLL_SIZE, ZC_MLL_SIZE);
		if (e == NULL)
			return bad(y, 0x0003, "a line entry is not in storage the program can access");
		if (zc_get16(e + ZC_MLL_LEN) != 8)
			return bad(y, 0x0008, "a line entry's length is not 8 (4 + a text address)");
		w->type[i] = zc_get16(e + ZC_MLL_LTF);
	}
	rc = check_types(w, y);
	if (rc != 0)
		return rc;
	for (i = 0; i < n; i++) {
		if (w->type[i] == ZC_LT_END) {
			w->len[i] = 0; /* E: no text */
			continue;
		}
		if (i == 0) {
			addr = first;
		} else {
			e = (const unsigned char *)zc_ptr(wpl + ZC_WPL_WPX + ZC_WPX_SIZE + ZC_ML_SIZE +
							  (i - 1) * ZC_MLL_SIZE);
			addr = zc_get32(e + ZC_MLL_TEXT) & 0x7FFFFFFFu;
		}
		rc = read_text(addr, type_max(w->type[i]), &w->len[i], &w->text[i], y);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Decode and check the WPL at wpl. Returns 0, or the D23 reason code with y's text. */
uint32_t sim_wpl_decode(uint32_t wpl, sim_wpl *w, sim_why *y)
{
	const unsigned char *p, *x, *c;
	uint32_t first, rc;

	memset(w, 0, sizeof *w);
	y->reason = 0;
	y->text[0] = 0;
	if (wpl == 0)
		return bad(y, 0x0008, "the WPL address is zero");
	p = at(wpl, ZC_WPL_WPX);
	if (p == NULL)
		return bad(y, 0x0003, "the WPL is not in storage the program can access");
	w->mcs1 = p[ZC_WPL_MCSF1];
	w->mcs2 = p[ZC_WPL_MCSF2];
	if (!(w->mcs2 & ZC_MCS2_WPX))
		return bad(y, 0x0008, "no WPX: only the extended WPL (WTO TEXT=) is simulated");
	if (p[ZC_WPL_RLN] != 0)
		return bad(y, 0x0007, "a WTOR prefix with a WPX");
	if (p[ZC_WPL_LPTXT] != 8)
		return bad(y, 0x0008, "the text length field is not 8 (4 + a text address)");
	x = at(wpl + ZC_WPL_WPX, ZC_WPX_SIZE);
	if (x == NULL)
		return bad(y, 0x0003, "the WPX is not in storage the program can access");
	if (x[ZC_WPX_VRSN] != ZC_WPX_VERSION)
		return bad(y, 0x0008, "the WPX is not version 2: only version 2 is simulated");
	if (x[ZC_WPX_LNGTH] != ZC_WPX_SIZE)
		return bad(y, 0x0008, "the WPX length is not 104");
	if (!(x[ZC_WPX_MCS2] & ZC_WPXM2_TEXTADDR))
		return bad(y, 0x0008, "a version 2 WPX without a text address");
	w->wpxm1 = x[ZC_WPX_MCS1];
	if (w->wpxm1 & ZC_WPXM1_CONNECT)
		return bad(y, 0x0006, "CONNECT needs an authorized program");
	if ((w->wpxm1 & ZC_WPXM1_CONSID) && (w->wpxm1 & ZC_WPXM1_CONSNAME))
		return bad(y, 0x0007, "both a console id and a console name");
	memcpy(w->desc, x + ZC_WPX_DESC, sizeof w->desc);
	memcpy(w->rout, x + ZC_WPX_ROUT, sizeof w->rout);
	w->consid = zc_get32(x + ZC_WPX_CNID);
	memcpy(w->consname, x + ZC_WPX_CNNME, sizeof w->consname);
	if (zc_get32(x + ZC_WPX_CART) != 0) {
		c = at(zc_get32(x + ZC_WPX_CART) & 0x7FFFFFFFu, 8);
		if (c == NULL)
			return bad(y, 0x0003, "the CART is not in storage the program can access");
		memcpy(w->cart, c, sizeof w->cart);
	}
	if (w->wpxm1 & ZC_WPXM1_WTOR) {
		if (w->mcs2 & ZC_MCS2_MLWTO)
			return bad(y, 0x0002, "a WTOR of more than one line");
		w->replylen = x[ZC_WPX_RPYLN];
		w->replybuf = zc_get32(x + ZC_WPX_RPBUF) & 0x7FFFFFFFu;
		w->replyecb = zc_get32(x + ZC_WPX_ECBP) & 0x7FFFFFFFu;
		if (w->replylen == 0 || w->replylen > ZC_REPLY_MAX)
			return bad(y, 0x0008, "a WTOR reply length outside 1-119");
		if (at(w->replybuf, w->replylen) == NULL)
			return bad(y, 0x0003, "the reply buffer is not in storage the program can access");
		if ((w->replyecb & 3) != 0 || at(w->replyecb, 4) == NULL)
			return bad(y, 0x0003, "the reply ECB is not a fullword the program can access");
	}
	first = zc_get32(p + ZC_WPL_TEXT) & 0x7FFFFFFFu;
	if (w->mcs2 & ZC_MCS2_MLWTO)
		return decode_lines(wpl, first, w, y);
	w->nlines = 1;
	w->type[0] = 0;
	rc = read_text(first, w->replylen ? ZC_WTOR_TEXT_MAX : ZC_WTO_TEXT_MAX, &w->len[0],
		       &w->text[0], y);
	return rc;
}

/* The 64 KiB block of system storage zcsim_decode_wpl places its images in. */
#define DECODE_SIZE 65536

static uint32_t decode_block;

static uint32_t decode_base(void)
{
	if (decode_block == 0)
		decode_block = zc_addr(sim_obtain(SIM_SYSTEM, DECODE_SIZE));
	return decode_block;
}

uint32_t zcsim_decode_base(void)
{
	uint32_t a;

	pthread_mutex_lock(&sim.mu);
	a = decode_base();
	sim_unlock();
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
	a = decode_base();
	if (a == 0) {
		sim_unlock();
		return 0xFFFF;
	}
	memset(zc_ptr(a), 0, DECODE_SIZE);
	memcpy(zc_ptr(a), img, len < DECODE_SIZE ? len : DECODE_SIZE);
	reason = sim_wpl_decode(a, &w, &y);
	if (reason == 0)
		*reclen = sim_wto_record(&w, 0, rec, cap);
	sim_unlock();
	return reason;
}
