/*
 * zc.h: the operator-console protocol shared by z/OS and the simulator: the system's
 * control blocks it reads (COM, CIB and CIBX, PSA, ASCB, CVT), the results and faults
 * of its calls, the work areas it keeps in 31-bit storage, and the calls themselves.
 *
 * Everything here works on storage laid out as z/OS lays it out: big-endian fields,
 * 31-bit addresses held in fullwords. Only the instruction that enters the supervisor
 * and the way to the PSA differ between platforms; they sit behind zc_svc() (zc_svc.h)
 * and zc_psa() (svc_zos.c; svc_sim.c and sim_task.c). The WTO parameter list is mapped
 * in zc_wpl.h.
 *
 * Each offset, code and flag is written here (or in zc_svc.h, zc_wpl.h, sim_api.h)
 * once: the Go code reads the same names from internal/zc, which go generate writes
 * from these headers and a test holds equal to them.
 */
#ifndef ZC_H
#define ZC_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "zc_svc.h"
#include "zc_wpl.h"

/* ---- IEZCOM: the communications area EXTRACT FIELDS=COMM returns ---------------- */
#define ZC_COM_ECBPT   0   /* A(ECB posted for STOP and MODIFY)                     */
#define ZC_COM_CIBPT   4   /* A(first CIB) or 0; QEDIT's ORIGIN is this word         */
#define ZC_COM_TOKEN   8   /* token passed by an internal START                      */
#define ZC_COM_SIZE    12

/* ---- IEZCIB: the command input buffer ------------------------------------------ */
#define ZC_CIB_NEXT    0   /* A(next CIB) or 0                                        */
#define ZC_CIB_VERB    4   /* verb code, compared for equality                        */
#define ZC_CIB_LEN     5   /* length of the CIB in doublewords                        */
#define ZC_CIB_XOFF    6   /* offset of the extension from the CIB start              */
#define ZC_CIB_ASID    10  /* address-space id (historic)                             */
#define ZC_CIB_CONID   12  /* one-byte console id (historic)                          */
#define ZC_CIB_VERSION 13  /* version level                                           */
#define ZC_CIB_DATLN   14  /* length of CIBDATA in bytes                              */
#define ZC_CIB_DATA    16  /* operand text, EBCDIC, no terminator                     */
#define ZC_CIB_HDR     16

/* ---- CIBX: the CIB extension, found at CIB + CIBXOFF --------------------------- */
#define ZC_CIBX_UTOK   0   /* A(utoken)                                               */
#define ZC_CIBX_AUTH   4   /* 4 bytes of authority information (meaning UNCONFIRMED)  */
#define ZC_CIBX_AUTHLV 6   /* the byte of them read as the console's authority level:
                              the one published reading (UNCONFIRMED)                 */
#define ZC_CIBX_CNNM   8   /* console name, 8 bytes EBCDIC, blank padded              */
#define ZC_CIBX_CART   16  /* command and response token, 8 bytes                     */
#define ZC_CIBX_CNID   24  /* 4-byte console id                                       */
#define ZC_CIBX_PTRC   28
#define ZC_CIBX_OCID   32  /* original console id                                     */
#define ZC_CIBX_SIZE   48

/* Verb codes. X'44' contains the X'04' bit: always compare for equality (CLI, not TM). */
#define ZC_VERB_START  0x04
#define ZC_VERB_MOUNT  0x0C
#define ZC_VERB_STOP   0x40
#define ZC_VERB_MODIFY 0x44

/* The largest CIB (CIBLEN is one byte of doublewords) and the copy buffer a caller gives. */
#define ZC_CIB_MAX     (255 * 8)
#define ZC_COPY_MAX    4096

/* The largest MODIFY limit QEDIT CIBCTR= sets (one byte). */
#define ZC_CIBCTR_MAX  255

/* ---- ECB bits ------------------------------------------------------------------ */
#define ZC_ECB_WAIT    0x80000000u /* bit 0: a task waits on it                        */
#define ZC_ECB_POST    0x40000000u /* bit 1: posted (complete)                         */
#define ZC_ECB_CODE    0x3FFFFFFFu /* bits 2-31: completion code                       */
#define ZC_LIST_LAST   0x80000000u /* high bit on the last entry of an ECB list        */

/* EXTRACT list form: +0 A(answer area), +4 A(TCB) (0 = this task), +8/+9 field flags. */
#define ZC_XL_ANSWER   0
#define ZC_XL_TCB      4
#define ZC_XL_FLAGS1   8
#define ZC_XL_FLAGS2   9
#define ZC_XL_SIZE     12
#define ZC_XL_COMM     0x01 /* FIELDS=COMM, in flag byte 1 */

/* ---- Who we are: PSA, ASCB, CVT ---------------------------------------------- */
#define ZC_PSA_CVT     0x10  /* FLCCVT: A(CVT)                                        */
#define ZC_PSA_TOLD    0x21C /* PSATOLD: A(current TCB)                               */
#define ZC_PSA_AOLD    0x224 /* PSAAOLD: A(home ASCB)                                 */
#define ZC_ASCB_ASCB   0x00  /* ASCBASCB: C'ASCB'                                     */
#define ZC_ASCB_EYE    "\xC1\xE2\xC3\xC2" /* C'ASCB' in EBCDIC, 4 bytes                */
#define ZC_ASCB_ASID   0x24  /* ASCBASID: halfword                                    */
#define ZC_ASCB_JBNI   0xAC  /* ASCBJBNI: A(job name) for an initiated job, or 0      */
#define ZC_ASCB_JBNS   0xB0  /* ASCBJBNS: A(name) for START/MOUNT/LOGON, or 0         */
#define ZC_CVT_SNAME   0x154 /* CVTSNAME: system name, 8 bytes                        */

/* ---- Big-endian fields, whatever the host ------------------------------------- */
static inline uint32_t zc_get32(const void *p)
{
	const unsigned char *b = (const unsigned char *)p;
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}
static inline uint16_t zc_get16(const void *p)
{
	const unsigned char *b = (const unsigned char *)p;
	return (uint16_t)(b[0] << 8 | b[1]);
}
static inline void zc_put32(void *p, uint32_t v)
{
	unsigned char *b = (unsigned char *)p;
	b[0] = (unsigned char)(v >> 24);
	b[1] = (unsigned char)(v >> 16);
	b[2] = (unsigned char)(v >> 8);
	b[3] = (unsigned char)v;
}
static inline void zc_put16(void *p, uint16_t v)
{
	unsigned char *b = (unsigned char *)p;
	b[0] = (unsigned char)(v >> 8);
	b[1] = (unsigned char)v;
}

/*
 * Fullwords that another task changes under us (ECBs, COMCIBPT, CIBNEXT) are read and
 * written whole and atomically, then converted from big-endian.
 */
static inline uint32_t zc_swap_be(uint32_t v)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return __builtin_bswap32(v);
#else
	return v;
#endif
}
static inline uint32_t zc_load32(const uint32_t *p)
{
	return zc_swap_be(__atomic_load_n(p, __ATOMIC_ACQUIRE));
}
static inline void zc_store32(uint32_t *p, uint32_t v)
{
	__atomic_store_n(p, zc_swap_be(v), __ATOMIC_RELEASE);
}

/* ---- Results and faults ------------------------------------------------------- */

/* Results of the calls; the negative ones are failures. */
enum {
	ZC_OK = 0,          /* done                                                     */
	ZC_COMMAND = 1,     /* zc_take: a command was copied out and freed              */
	ZC_KILLED = 2,      /* zc_watch: the kill ECB is posted                         */
	ZC_QUEUED = 3,      /* zc_watch: a CIB is queued, or the communications ECB was
	                       posted: take it with zc_take                             */
	ZC_REPLIED = 4,     /* zc_ask_wait, zc_ask_end: the operator replied            */
	ZC_CANCELLED = 5,   /* zc_ask_wait: the cancel ECB was posted                   */
	ZC_RETIRED = 6,     /* zc_ask_end: deleted unanswered, and the block kept: the
	                       system may still post a reply into it                    */
	ZC_ESVC = -1,       /* an SVC failed; zc_fault says which and how               */
	ZC_ENOMEM = -2,     /* no 31-bit storage                                        */
	ZC_ENOCOM = -3,     /* EXTRACT gave no communications area                      */
	ZC_EBADAREA = -4,   /* the work area's eye-catcher is wrong                     */
	ZC_EINVAL = -5,     /* an argument is out of range                              */
	ZC_EABOVEBAR = -6   /* an SVC needs AMODE 31 and this code is above the bar     */
};

/* What failed, when a call returns ZC_ESVC or ZC_EABOVEBAR. */
typedef struct zc_fault {
	uint32_t svc; /* SVC number                                              */
	uint32_t op;  /* ZC_OP_*: which use of the SVC                           */
	uint32_t rc;  /* R15                                                     */
} zc_fault;

enum {
	ZC_OP_EXTRACT = 1,     /* EXTRACT FIELDS=COMM      */
	ZC_OP_QEDIT_FREE = 2,  /* QEDIT ORIGIN=,BLOCK=     */
	ZC_OP_QEDIT_LIMIT = 3, /* QEDIT ORIGIN=,CIBCTR=    */
	ZC_OP_WAIT = 4,        /* WAIT for a command       */
	ZC_OP_POST = 5,        /* POST of the kill ECB     */
	ZC_OP_WTO = 6,         /* WTO                      */
	ZC_OP_DOM = 7,         /* DOM                      */
	ZC_OP_WTOR = 8,        /* WTOR                     */
	ZC_OP_WTOR_WAIT = 9,   /* WAIT for a WTOR's reply  */
	ZC_OP_WTOR_CANCEL = 10 /* POST of a WTOR's cancel ECB */
};

/* ecb.c: steps with ECBs the protocol and WTOR share. */
int zc_call(unsigned svc, uint32_t op, uint64_t r0, uint64_t *r1, zc_fault *f);
int zc_posted(const uint32_t *ecb);
int zc_post(uint32_t *ecb, uint32_t op, zc_fault *f);
int zc_wait_list(const uint32_t *list, uint32_t op, zc_fault *f);

/* ---- The protocol (protocol.c) -------------------------------------------------- */

/* What zc_init and zc_take copied out. */
typedef struct zc_copy {
	uint32_t len;  /* bytes copied into the caller's buffer                   */
	uint32_t ext;  /* the extent the CIB declares: max(CIBLEN*8, CIBXOFF+48)   */
	uint32_t addr; /* the CIB's own address (for diagnostics)                 */
	uint32_t verb; /* CIBVERB                                                  */
} zc_copy;

/*
 * The work area of one console handle, in 31-bit storage. The ECBs and the ECB list are
 * read by the supervisor, so they are big-endian fullwords; the rest is private.
 */
typedef struct zc_area {
	unsigned char eye[8];            /* ZC_EYE                                    */
	uint32_t killecb;                /* posted by zc_kill; never cleared          */
	uint32_t ecblist[2];             /* COM ECB, kill ECB (last)                  */
	uint32_t answer;                 /* EXTRACT answer area: A(COM)               */
	unsigned char xlist[ZC_XL_SIZE]; /* EXTRACT list form                         */
	uint32_t com;                    /* A(COM), host order                        */
} zc_area;

#define ZC_EYE "ZCONAREA"

int zc_init(uint32_t limit, uint32_t *area, unsigned char *buf, uint32_t cap, zc_copy *start,
	    zc_fault *f);
/*
 * zc_take: copy the first CIB on the chain into buf and free it (QEDIT BLOCK=):
 * ZC_COMMAND; ZC_OK when the chain is empty. It never waits. When QEDIT fails the CIB
 * stays queued and the result is the failure.
 *
 * zc_watch: unless the kill ECB is posted (ZC_KILLED) or a CIB is queued (ZC_QUEUED),
 * WAIT on the communications ECB and the kill ECB, and say which ended it. It takes no
 * CIB. One thread at a time may be in it for a work area (one WAIT per ECB).
 *
 * zc_kill: POST the kill ECB; every zc_watch from then on returns ZC_KILLED.
 */
int zc_take(uint32_t area, unsigned char *buf, uint32_t cap, zc_copy *out, zc_fault *f);
int zc_watch(uint32_t area, zc_fault *f);
int zc_kill(uint32_t area, zc_fault *f);
int zc_set_limit(uint32_t area, uint32_t limit, zc_fault *f);
int zc_term(uint32_t area, zc_fault *f);

/* ---- Console output: WTO, WTOR (SVC 35) and DOM (SVC 87) (wto.c) ----------------- */

/* WTO: build the WPL in 31-bit storage, SVC 35, free it. *msgid gets R1's id. */
int zc_wto(const zc_msg *m, const unsigned char *text, uint32_t textlen, uint32_t *msgid,
	   zc_fault *f);

/* DOM MSG=id: R0 = 0, R1 = the 24-bit id (SVC 87). */
int zc_dom(uint32_t msgid, zc_fault *f);

/*
 * A WTOR's own block in 31-bit storage: its reply ECB, a cancel ECB, the WAIT list of
 * the two and the reply buffer: everything the system may write into. The WPL is a
 * second block, named here. Both stay until zc_ask_end. Unless the reply has been
 * posted, zc_ask_end deletes the WTOR (DOM); a reply the system took just before may
 * still be moved into the buffer and posted afterwards (IBM does not say it cannot), so
 * a block whose reply ECB is not posted is never released: it is retired (its WPL
 * released, the block kept, ZC_RETIRED) and released by a later zc_ask_end once its ECB
 * is posted.
 */
typedef struct zc_ask {
	unsigned char eye[8];                 /* ZC_ASK_EYE                              */
	uint32_t replyecb;                    /* posted by the system with the reply     */
	uint32_t cancelecb;                   /* posted by zc_ask_cancel                 */
	uint32_t ecblist[2];                  /* reply ECB, cancel ECB (last)            */
	uint32_t msgid;                       /* the WTOR's message id, for DOM          */
	uint32_t replylen;                    /* the reply buffer's length               */
	uint32_t wpl;                         /* A(WPL), 0 once released                 */
	uint32_t wplsize;                     /* bytes obtained for the WPL              */
	uint32_t deleted;                     /* 1 once DOM has returned                 */
	unsigned char reply[ZC_REPLY_MAX + 1]; /* the reply buffer                        */
} zc_ask;

#define ZC_ASK_EYE "ZCONWTOR"

int zc_ask_start(const zc_msg *m, const unsigned char *text, uint32_t textlen, uint32_t *ask,
		 uint32_t *msgid, zc_fault *f);
int zc_ask_wait(uint32_t ask, zc_fault *f);
int zc_ask_cancel(uint32_t ask, zc_fault *f);
int zc_ask_end(uint32_t ask, unsigned char *buf, uint32_t cap, uint32_t *len, zc_fault *f);

/* ---- Who we are (task.c) -------------------------------------------------------- */

/* The PSA's address: 0 on z/OS; a simulated PSA in the simulator. */
uint32_t zc_psa(void);

typedef struct zc_task {
	uint32_t ascb;           /* PSAAOLD                                            */
	uint32_t tcb;            /* PSATOLD                                            */
	uint32_t asid;           /* ASCBASID                                           */
	uint32_t started;        /* 1 when the name came from ASCBJBNS                 */
	unsigned char job[8];    /* EBCDIC, blank padded; blanks when neither is set   */
	unsigned char sysname[8]; /* CVTSNAME, EBCDIC                                 */
} zc_task;

int zc_task_info(zc_task *out);

#endif
