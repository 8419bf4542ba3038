//go:build cgo && (zos || zconsolesim)

/*
 * protocol.c: hearing the operator through EXTRACT, QEDIT, WAIT and POST.
 *
 * The same code runs on z/OS and in the simulator; each supervisor call goes through
 * zc_svc() with its registers set exactly as the macro expansion sets them.
 *
 * The work is split between two callers. A program's Wait takes commands with zc_take,
 * a short call that copies the first CIB out and frees it, and never waits; only when
 * the chain is empty does it ask for zc_watch, which one thread (a goroutine of its
 * own) issues: it WAITs on the communications ECB and the kill ECB and says which ended
 * the WAIT, but takes no CIB. So a CIB leaves the chain only in zc_take, for a caller
 * that returns it, and the caller itself never sleeps in the system.
 *
 * The rules this file keeps (each one a fault of earlier code):
 *  - drain before waiting: zc_watch looks at the chain before every WAIT and issues
 *    none while a CIB is queued, so a queued command never depends on when the system
 *    resets the communications ECB, and a WAIT is never issued on an ECB left posted
 *    for a CIB no one has taken yet (it would end at once, again and again);
 *  - the verb is compared for equality: X'44' (MODIFY) contains the X'04' (START) bit;
 *  - a CIB is copied no further than it declares itself to reach, and never beyond the
 *    caller's buffer;
 *  - QEDIT BLOCK= gets the CIB's own chain address and is never issued with 0, which the
 *    expansion would turn into "free every CIB";
 *  - the kill ECB is cleared when the area is built, and tested before and after every
 *    WAIT;
 *  - at init, the START CIB is freed and the limit set in one step, so no MODIFY meets a
 *    limit of 0 in between;
 *  - every address the system hands over (the COM address, COMECBPT, COMCIBPT) has bit 0
 *    masked off before use (zc_sysaddr): a flag bit in COMECBPT would otherwise end the
 *    ECB list at its first entry, and no kill would end the WAIT.
 */
#include "zc.h"

static zc_area *area_of(uint32_t a)
{
	zc_area *z = (zc_area *)zc_ptr(a);
	if (a == 0 || memcmp(z->eye, ZC_EYE, sizeof z->eye) != 0)
		return NULL;
	return z;
}

/* The word QEDIT's ORIGIN= names: COMCIBPT, the answer area's COM address plus 4. */
static uint32_t origin(const zc_area *z)
{
	return z->com + ZC_COM_CIBPT;
}

/*
 * Copy the CIB at c into buf. The CIB says how far it reaches: CIBLEN doublewords, and
 * its extension at CIBXOFF for 48 bytes; the copy covers that much and no more, cut to
 * the caller's capacity.
 */
static void copy_cib(const unsigned char *c, unsigned char *buf, uint32_t cap, zc_copy *out)
{
	uint32_t ext = (uint32_t)c[ZC_CIB_LEN] * 8;
	uint32_t xoff = zc_get16(c + ZC_CIB_XOFF);

	if (xoff != 0 && xoff + ZC_CIBX_SIZE > ext)
		ext = xoff + ZC_CIBX_SIZE;
	if (ext < ZC_CIB_HDR)
		ext = ZC_CIB_HDR;
	out->ext = ext;
	out->len = ext < cap ? ext : cap;
	out->addr = zc_addr(c);
	out->verb = c[ZC_CIB_VERB];
	memcpy(buf, c, out->len);
}

/* QEDIT ORIGIN=COMCIBPT,BLOCK=cib: R0 = +ORIGIN, R1 = -BLOCK. */
static int free_cib(const zc_area *z, uint32_t cib, zc_fault *f)
{
	uint64_t r1 = zc_reg_neg(cib);

	if (cib == 0)
		return ZC_EINVAL;
	return zc_call(ZC_SVC_QEDIT, ZC_OP_QEDIT_FREE, zc_reg(origin(z)), &r1, f);
}

/* QEDIT ORIGIN=COMCIBPT,CIBCTR=n: R0 = -ORIGIN, R1 = -n (0 when n is 0). */
static int set_limit(const zc_area *z, uint32_t n, zc_fault *f)
{
	uint64_t r1 = zc_reg_neg(n);

	if (n > ZC_CIBCTR_MAX)
		return ZC_EINVAL;
	return zc_call(ZC_SVC_QEDIT, ZC_OP_QEDIT_LIMIT, zc_reg_neg(origin(z)), &r1, f);
}

int zc_init(uint32_t limit, uint32_t *area, unsigned char *buf, uint32_t cap, zc_copy *start,
	    zc_fault *f)
{
	zc_area *z;
	uint64_t r1;
	unsigned char *com;
	uint32_t cib, ecb;
	int rc;

	memset(start, 0, sizeof *start);
	*area = 0;
	if (limit > ZC_CIBCTR_MAX)
		return ZC_EINVAL;
	z = (zc_area *)zc_storage_obtain31(sizeof *z);
	if (z == NULL)
		return ZC_ENOMEM;
	memset(z, 0, sizeof *z); /* the kill ECB starts clear: bits 0 and 1 must be zero */
	memcpy(z->eye, ZC_EYE, sizeof z->eye);

	/* EXTRACT answer,FIELDS=COMM: one answer word, the COMM flag in field byte 1. */
	zc_put32(z->xlist + ZC_XL_ANSWER, zc_addr(&z->answer));
	zc_put32(z->xlist + ZC_XL_TCB, 0);
	z->xlist[ZC_XL_FLAGS1] = ZC_XL_COMM;
	z->xlist[ZC_XL_FLAGS2] = 0;
	r1 = zc_reg(zc_addr(z->xlist));
	rc = zc_call(ZC_SVC_EXTRACT, ZC_OP_EXTRACT, zc_reg(0), &r1, f);
	if (rc != ZC_OK)
		goto fail;
	z->com = zc_sysaddr(zc_get32(&z->answer));
	com = (unsigned char *)zc_ptr(z->com);
	ecb = z->com != 0 ? zc_sysaddr(zc_get32(com + ZC_COM_ECBPT)) : 0;
	if (ecb == 0) {
		rc = ZC_ENOCOM;
		goto fail;
	}
	zc_put32(&z->ecblist[0], ecb);
	zc_put32(&z->ecblist[1], zc_addr(&z->killecb) | ZC_LIST_LAST);

	/*
	 * A started job finds its START CIB at the head of the chain. Copy it out for the
	 * first wait, free it, and set the limit at once: while the START CIB is queued it
	 * counts against a limit that is still 0.
	 */
	cib = zc_sysaddr(zc_load32((const uint32_t *)(com + ZC_COM_CIBPT)));
	if (cib != 0 && ((const unsigned char *)zc_ptr(cib))[ZC_CIB_VERB] == ZC_VERB_START) {
		copy_cib((const unsigned char *)zc_ptr(cib), buf, cap, start);
		rc = free_cib(z, cib, f);
		if (rc != ZC_OK) {
			memset(start, 0, sizeof *start); /* still queued: not taken */
			goto fail;
		}
	}
	/* If this fails the START copy stays valid: the caller keeps it. */
	rc = set_limit(z, limit, f);
	if (rc != ZC_OK)
		goto fail;
	*area = zc_addr(z);
	return ZC_OK;

fail:
	memset(z->eye, 0, sizeof z->eye);
	zc_storage_release31(z, sizeof *z);
	return rc;
}

/* COMCIBPT: the first CIB on the chain, or 0. */
static uint32_t first_cib(const zc_area *z)
{
	const unsigned char *com = (const unsigned char *)zc_ptr(z->com);

	return zc_sysaddr(zc_load32((const uint32_t *)(com + ZC_COM_CIBPT)));
}

int zc_take(uint32_t area, unsigned char *buf, uint32_t cap, zc_copy *out, zc_fault *f)
{
	zc_area *z = area_of(area);
	uint32_t cib;
	int rc;

	if (z == NULL)
		return ZC_EBADAREA;
	cib = first_cib(z);
	if (cib == 0)
		return ZC_OK;
	copy_cib((const unsigned char *)zc_ptr(cib), buf, cap, out);
	/* Not freed means still queued: report the failure, not the copy. */
	rc = free_cib(z, cib, f);
	return rc == ZC_OK ? ZC_COMMAND : rc;
}

int zc_watch(uint32_t area, zc_fault *f)
{
	zc_area *z = area_of(area);
	int rc;

	if (z == NULL)
		return ZC_EBADAREA;
	if (zc_posted(&z->killecb))
		return ZC_KILLED;
	if (first_cib(z) != 0)
		return ZC_QUEUED; /* drain before waiting: no WAIT while a CIB is queued */
	rc = zc_wait_list(z->ecblist, ZC_OP_WAIT, f);
	if (rc != ZC_OK)
		return rc;
	return zc_posted(&z->killecb) ? ZC_KILLED : ZC_QUEUED;
}

int zc_kill(uint32_t area, zc_fault *f)
{
	zc_area *z = area_of(area);

	if (z == NULL)
		return ZC_EBADAREA;
	return zc_post(&z->killecb, ZC_OP_POST, f);
}

int zc_set_limit(uint32_t area, uint32_t limit, zc_fault *f)
{
	zc_area *z = area_of(area);

	if (z == NULL)
		return ZC_EBADAREA;
	return set_limit(z, limit, f);
}

int zc_term(uint32_t area, zc_fault *f)
{
	zc_area *z = area_of(area);
	int rc;

	if (z == NULL)
		return ZC_EBADAREA;
	/* Refuse further MODIFYs visibly (IEE342I) rather than queue them for no one. */
	rc = set_limit(z, 0, f);
	memset(z->eye, 0, sizeof z->eye);
	zc_storage_release31(z, sizeof *z);
	return rc;
}
