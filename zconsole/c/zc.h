/*
 * zc.h: the operator-console protocol shared by z/OS and the simulator.
 *
 * Everything here works on storage laid out as z/OS lays it out: big-endian fields,
 * 31-bit addresses held in fullwords. Only the instruction that enters the supervisor
 * differs between platforms; it sits behind zc_svc() (svc_zos.c, svc_sim.c).
 */
#ifndef ZC_H
#define ZC_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

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

/* ---- ECB bits ------------------------------------------------------------------ */
#define ZC_ECB_WAIT    0x80000000u /* bit 0: a task waits on it                        */
#define ZC_ECB_POST    0x40000000u /* bit 1: posted (complete)                         */
#define ZC_ECB_CODE    0x3FFFFFFFu /* bits 2-31: completion code                       */
#define ZC_LIST_LAST   0x80000000u /* high bit on the last entry of an ECB list        */

/* ---- SVC numbers --------------------------------------------------------------- */
#define ZC_SVC_WAIT    1
#define ZC_SVC_POST    2
#define ZC_SVC_QEDIT   34  /* shared with MGCR/MGCRE                                  */
#define ZC_SVC_WTO     35
#define ZC_SVC_EXTRACT 40

/* EXTRACT list form: +0 A(answer area), +4 A(TCB) (0 = this task), +8/+9 field flags. */
#define ZC_XL_ANSWER   0
#define ZC_XL_TCB      4
#define ZC_XL_FLAGS1   8
#define ZC_XL_FLAGS2   9
#define ZC_XL_SIZE     12
#define ZC_XL_COMM     0x01 /* FIELDS=COMM, in flag byte 1 */

/*
 * The registers an SVC takes and gives back. Values are fullwords as the macro
 * expansions leave them: QEDIT's operands negated, WAIT's list address complemented.
 * The SVC routines set r15 to the return code where the service has one, and to 0
 * where it has none (WAIT, POST).
 */
typedef struct zc_regs {
	uint32_t r0;
	uint32_t r1;
	uint32_t r15;
} zc_regs;

/* Issue SVC n with *r. Implemented by svc_zos.c on z/OS and by svc_sim.c elsewhere. */
void zc_svc(unsigned n, zc_regs *r);

/*
 * The simulator reports an abend it detects (a program error z/OS would end the task
 * for) as R15 = ZC_RC_ABEND | completion code, so tests see it. z/OS never returns this.
 */
#define ZC_RC_ABEND    0x80000000u

/* 31-bit (below the line of 2 GiB) storage for everything the supervisor reads. */
void *zc_storage_obtain31(uint32_t len);
void zc_storage_release31(void *p, uint32_t len);

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

/* A 31-bit address as the fullword z/OS keeps, and back. */
static inline uint32_t zc_addr(const void *p)
{
	return (uint32_t)(uintptr_t)p;
}
static inline void *zc_ptr(uint32_t a)
{
	return (void *)(uintptr_t)a;
}

/* ---- The protocol ------------------------------------------------------------- */

/* Results of the protocol calls. */
enum {
	ZC_OK = 0,          /* done                                                     */
	ZC_COMMAND = 1,     /* zc_wait: a command was copied out                        */
	ZC_KILLED = 2,      /* zc_wait: the kill ECB is posted                          */
	ZC_INTERRUPTED = 3, /* zc_wait: the interrupt ECB is posted                     */
	ZC_ESVC = -1,       /* an SVC failed; zc_fault says which and how               */
	ZC_ENOMEM = -2,     /* no 31-bit storage                                        */
	ZC_ENOCOM = -3,     /* EXTRACT gave no communications area                      */
	ZC_EBADAREA = -4,   /* the work area's eye-catcher is wrong                     */
	ZC_EINVAL = -5      /* an argument is out of range                              */
};

/* What failed, when a call returns ZC_ESVC. */
typedef struct zc_fault {
	uint32_t svc; /* SVC number                                              */
	uint32_t op;  /* ZC_OP_*: which use of the SVC                           */
	uint32_t rc;  /* R15                                                     */
} zc_fault;

enum {
	ZC_OP_EXTRACT = 1,
	ZC_OP_QEDIT_FREE = 2,  /* QEDIT ORIGIN=,BLOCK=   */
	ZC_OP_QEDIT_LIMIT = 3, /* QEDIT ORIGIN=,CIBCTR=  */
	ZC_OP_WAIT = 4,
	ZC_OP_POST = 5,
	ZC_OP_WTO = 6
};

/* What zc_init and zc_wait copied out. */
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
	uint32_t intrecb;                /* posted by zc_interrupt; cleared by caller */
	uint32_t ecblist[3];             /* COM ECB, kill ECB, interrupt ECB (last)   */
	uint32_t answer;                 /* EXTRACT answer area: A(COM)               */
	unsigned char xlist[ZC_XL_SIZE]; /* EXTRACT list form                         */
	uint32_t com;                    /* A(COM), host order                        */
} zc_area;

#define ZC_EYE "ZCONAREA"

int zc_init(uint32_t limit, uint32_t *area, unsigned char *buf, uint32_t cap, zc_copy *start,
	    zc_fault *f);
int zc_wait(uint32_t area, unsigned char *buf, uint32_t cap, zc_copy *out, zc_fault *f);
int zc_kill(uint32_t area, zc_fault *f);
int zc_interrupt(uint32_t area, zc_fault *f);
int zc_clear_interrupt(uint32_t area);
int zc_set_limit(uint32_t area, uint32_t limit, zc_fault *f);
int zc_term(uint32_t area, zc_fault *f);

#endif
