//go:build cgo && zconsolesim

/*
 * sim_wpl.c: reading a WPL as SVC 35 does (sim_wto.c issues it), and the console-log
 * record of the message it describes.
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
#include <stdio.h>

/*
 * The console-log record of a WTO, as package sim reads it (big-endian):
 *   +0  flags: X'80' WTOR, X'40' multi-line, X'20' command response, X'10' console id,
 *       X'08' console name, X'04' CART, X'02' hardcopy only, X'01' codes given
 *   +1  reply id (WTOR)      +2 reply length (WTOR)      +3 number of lines
 *   +4  descriptor codes, 2 bytes, as the system assigned them
 *   +6  routing codes, 16 bytes
 *   +22 console id           +26 console name (EBCDIC)   +34 CART
 *   +42 job name (ASCII, blank padded)                   +50 reserved, 2 bytes
 *   +52 each line: line type (2), length (1), text (EBCDIC)
 */
#define REC_WTOR     0x80
#define REC_MLWTO    0x40
#define REC_RESP     0x20
#define REC_CONSID   0x10
#define REC_CONSNAME 0x08
#define REC_CART     0x04
#define REC_HRDCPY   0x02
#define REC_CODES    0x01

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

/* The console-log record of w, in rec[0..cap). Returns its length. */
uint32_t sim_wto_record(const sim_wpl *w, uint32_t replyid, unsigned char *rec, uint32_t cap)
{
	uint32_t i, n = SIM_REC_HDR, j;

	if (cap < SIM_REC_HDR)
		return 0;
	memset(rec, 0, SIM_REC_HDR);
	if (w->replylen)
		rec[0] |= REC_WTOR;
	if (w->mcs2 & ZC_MCS2_MLWTO)
		rec[0] |= REC_MLWTO;
	if (w->mcs1 & ZC_MCS1_RESP)
		rec[0] |= REC_RESP;
	if (w->mcs1 & ZC_MCS1_HRDCPY)
		rec[0] |= REC_HRDCPY;
	if (w->mcs1 & ZC_MCS1_CODES) {
		rec[0] |= REC_CODES;
		memcpy(rec + 6, w->rout, 16);
	}
	if (w->wpxm1 & ZC_WPXM1_CONSID) {
		rec[0] |= REC_CONSID;
		zc_put32(rec + 22, w->consid);
	}
	if (w->wpxm1 & ZC_WPXM1_CONSNAME) {
		rec[0] |= REC_CONSNAME;
		memcpy(rec + 26, w->consname, 8);
	}
	for (j = 0; j < 8; j++) {
		if (w->cart[j] != 0) {
			rec[0] |= REC_CART;
			memcpy(rec + 34, w->cart, 8);
			break;
		}
	}
	rec[1] = (unsigned char)replyid;
	rec[2] = (unsigned char)w->replylen;
	rec[3] = (unsigned char)w->nlines;
	problem_desc(w, rec + 4);
	memset(rec + 42, ' ', 8);
	for (j = 0; j < 8 && sim.job[j] != 0; j++)
		rec[42 + j] = (unsigned char)sim.job[j];
	for (i = 0; i < w->nlines; i++) {
		if (n + 3 + w->len[i] > cap)
			return 0;
		zc_put16(rec + n, w->type[i]);
		rec[n + 2] = (unsigned char)w->len[i];
		if (w->len[i] != 0)
			memcpy(rec + n + 3, zc_ptr(w->text[i]), w->len[i]);
		n += 3 + w->len[i];
	}
	return n;
}
