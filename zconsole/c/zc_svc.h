/*
 * zc_svc.h: the supervisor-call seam: the SVCs the module issues, the registers they
 * take and how each operand is placed in them, the return codes the seam itself makes,
 * the 31-bit storage and addresses that cross it. zc.h includes it.
 */
#ifndef ZC_SVC_H
#define ZC_SVC_H

#include <stdint.h>

/* ---- SVC numbers --------------------------------------------------------------- */
#define ZC_SVC_WAIT    1
#define ZC_SVC_POST    2
#define ZC_SVC_QEDIT   34  /* shared with MGCR/MGCRE                                  */
#define ZC_SVC_WTO     35
#define ZC_SVC_EXTRACT 40
#define ZC_SVC_DOM     87

/*
 * The registers an SVC takes and gives back, whole: a 64-bit program issues most SVCs
 * in AMODE 64 (svc_zos.c says which and why), and the supervisor then sees all 64 bits
 * of R0 and R1. Each operand is a fullword as the macro expansion computes it (QEDIT's
 * operands negated, WAIT's list address complemented) placed in a 64-bit register by
 * zc_reg() or zc_reg_neg() below. The SVC routines set r15 to the return code where the
 * service has one, and to 0 where it has none (WAIT, POST, DOM).
 */
typedef struct zc_regs {
	uint64_t r0;
	uint64_t r1;
	uint32_t r15;
} zc_regs;

/*
 * A fullword operand (an address below the bar, a count, an id, flags) in a 64-bit
 * register: zero-extended, so that the register holds the same number whether the
 * service reads its low half or all of it.
 */
static inline uint64_t zc_reg(uint32_t v)
{
	return v;
}

/*
 * An operand the macro expansion negates or complements (QEDIT's -ORIGIN, -BLOCK and -n;
 * WAIT's list address): the 64-bit negation of the zero-extended operand. Its low half
 * is the fullword LNR/LCR leaves, its high half the sign, so that the service reads a
 * negative number whether it takes the low half or all 64 bits. Which of the two z/OS
 * takes is UNCONFIRMED (svc_zos.c); this form is right for both.
 */
static inline uint64_t zc_reg_neg(uint32_t v)
{
	return (uint64_t)0 - (uint64_t)v;
}

/* Issue SVC n with *r. Implemented by svc_zos.c on z/OS and by svc_sim.c elsewhere. */
void zc_svc(unsigned n, zc_regs *r);

/*
 * The simulator reports an abend it detects (a program error z/OS would end the task
 * for) as R15 = ZC_RC_ABEND | completion code, so tests see it. z/OS never returns this.
 */
#define ZC_RC_ABEND    0x80000000u

/*
 * svc_zos.c did not issue an SVC that needs AMODE 31 (EXTRACT) because this program's
 * code runs above the 2 GiB bar, where SAM31 would leave the next instruction out of
 * reach. No service returns this R15 (its return codes are small); zc_call turns it
 * into ZC_EABOVEBAR.
 */
#define ZC_RC_ABOVE_BAR 0x40000000u

/* WAIT's R0: bit 0 asks for a long wait (LONG=YES), the rest is the event count. */
#define ZC_WAIT_LONG   0x80000000u

/* 31-bit (below the line of 2 GiB) storage for everything the supervisor reads. */
void *zc_storage_obtain31(uint32_t len);
void zc_storage_release31(void *p, uint32_t len);

/* A 31-bit address as the fullword z/OS keeps, and back. */
static inline uint32_t zc_addr(const void *p)
{
	return (uint32_t)(uintptr_t)p;
}
static inline void *zc_ptr(uint32_t a)
{
	return (void *)(uintptr_t)a;
}

/*
 * A 31-bit address the system hands over in a fullword (the EXTRACT answer, COMECBPT,
 * COMCIBPT, the PSA's and ASCB's pointers), made fit to use: bit 0 is masked off. In
 * 31-bit addressing bit 0 of a fullword pointer is not part of the address (the
 * hardware ignores it in AMODE 31, and MVS and programs use it as a flag: the high bit
 * ends an ECB list and marks a parameter list's last entry), but this code runs in
 * AMODE 64, where it would be taken as part of the address, and a set bit 0 in
 * COMECBPT copied into the ECB list would end the list at its first entry: a WAIT that
 * no kill ends. zowe-common-c masks COMECBPT with X'7FFFFFFF' before its WAIT for the
 * same reason (c/stcbase.c); whether the system ever sets the bit in these fields is
 * UNCONFIRMED, so every system-supplied pointer goes through here.
 */
static inline uint32_t zc_sysaddr(uint32_t word)
{
	return word & 0x7FFFFFFFu;
}

#endif
