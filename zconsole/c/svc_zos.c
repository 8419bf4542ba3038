//go:build cgo && zos && !zconsolesim

/*
 * svc_zos.c: the supervisor calls, on z/OS.
 *
 * The program is a 64-bit one (IBM's Go for z/OS builds 64-bit programs), so it runs in
 * AMODE 64. Each SVC is issued in the addressing mode IBM documents for it, switching
 * only where the service requires it. The environment section ("AMODE") of each
 * service's IBM page:
 *
 *   WAIT    SVC 1   24-, 31- or 64-bit: issued in AMODE 64.
 *           IBM, WAIT - Wait for one or more events, z/OS MVS Programming: Assembler
 *           Services Reference IAR-XCT: https://www.ibm.com/support/knowledgecenter/
 *           SSLTBW_2.1.0/com.ibm.zos.v2r1.ieaa900/iea3a9_WAIT_____Wait_for_one_or_more_events.htm
 *   POST    SVC 2   24-, 31- or 64-bit: issued in AMODE 64.
 *           IBM, POST - Signal event completion, the same book (AMODE: 24- or 31- or
 *           64-bit): https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/
 *           com.ibm.zos.v2r1.ieaa900/iea3a9_POST_____Signal_event_completion.htm
 *   QEDIT   SVC 34  any: issued in AMODE 64.
 *           IBM, QEDIT macro, z/OS MVS Programming: Authorized Assembler Services
 *           Reference (AMODE: Any).
 *   WTO(R)  SVC 35  24-, 31- or 64-bit: issued in AMODE 64.
 *           IBM, WTO - Description, Assembler Services Reference IAR-XCT:
 *           https://ibm.com/support/knowledgecenter/en/SSLTBW_2.1.0/
 *           com.ibm.zos.v2r1.ieaa900/iea3a9_Description24.htm; WTOR: IBM, WTOR -
 *           Description: https://www.ibm.com/docs/en/zos/2.5.0?topic=reply-description
 *   EXTRACT SVC 40  24- or 31-bit only: issued in AMODE 31 (SAM31 ... SAM64).
 *           IBM, EXTRACT - Description, Authorized Assembler Services Reference
 *           EDT-IXG: https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/
 *           com.ibm.zos.v2r1.ieaa200/iea3a2_Description6.htm
 *   DOM     SVC 87  24-, 31- or 64-bit: issued in AMODE 64.
 *           IBM, DOM - Delete operator message, Assembler Services Reference ABE-HSP:
 *           https://www.ibm.com/support/knowledgecenter/SSLTBW_2.1.0/
 *           com.ibm.zos.v2r1.ieaa700/iea3a7_DOM_____Delete_operator_message.htm
 *
 * A long WAIT in AMODE 31 would be needless exposure: asynchronous exits and signals
 * that arrive during it run in that mode. SAM31 itself is only safe while the code that
 * runs next is below the 2 GiB bar; a program object bound RMODE 64 puts it above, so
 * zc_svc checks where it runs before the SAM31 and, above the bar, does not issue
 * EXTRACT but returns ZC_RC_ABOVE_BAR, which Go reports by name.
 *
 * The registers' high halves. In AMODE 64 the SVC sees all 64 bits of R0 and R1, and
 * the services' register conventions are written in fullwords (SVC 1: "R1 - if
 * positive, the address of the ECB; if complemented, the address of a list").
 * zowe-common-c, in its 64-bit builds (h/zowetypes.h: ASM_PREFIX is
 * "SYSSTATE ARCHLVL=2,AMODE64=YES"), issues WAIT (0),ECBLIST=(1),LONG=YES
 * (c/scheduling.c, zosWaitList) and a single-ECB WAIT (LA 0,1 / LR 1,ecb / SVC 1) with
 * R0 and R1 loaded by LR, which leaves their high halves as they were, and QEDIT
 * ORIGIN=(r),BLOCK=(r) and CIBCTR=1 (c/stcbase.c) through the macro, all in AMODE 64
 * with no SAM; EXTRACT it brackets with SAM31 and SAM64, R1 loaded with LLGT (high half
 * zero). That its WAITs work in production suggests WAIT reads only the low halves
 * (INFERRED). How IBM's macros expand under SYSSTATE AMODE64=YES (LNR/LCR on a register
 * whose high half is zero, or LNGR/LCGR) could not be read here: UNCONFIRMED. So each register is built
 * to read the same either way (zc_svc.h): a fullword operand zero-extended (zc_reg), a
 * negated or complemented one (QEDIT's -ORIGIN, -BLOCK and -n; WAIT's list address) as
 * the 64-bit negation of its zero-extended value (zc_reg_neg): its low half is the
 * fullword LNR/LCR leaves, its high half the sign. Every address operand is below the bar. The
 * simulator checks each SVC's registers have that form (svc_sim.c).
 *
 * An SVC changes R0, R1, R14 and R15, and may change the condition code: every asm
 * statement here lists "cc" among its clobbers (LLVM's SystemZ target does not assume
 * an asm statement changes it; XL C documents the clobber). Between SAM31 and SAM64
 * nothing is touched but registers and the 31-bit parameter storage they point to.
 *
 * This is the only file that differs from the simulator build; keep it this small.
 */
#include "zc.h"
#include <stdlib.h>

/*
 * SVC num (a ZC_SVC_* of zc_svc.h, whose number becomes the instruction's operand) with
 * R0, R1 and R15 as they are, between the instructions before and after (a string each,
 * for the mode switch, or empty).
 */
#define ZC_STR(x) #x
#define ZC_SVC_ASM(before, num, after)                                                 \
	__asm__ volatile(before " SVC " ZC_STR(num) after                              \
			 : "+r"(r0), "+r"(r1), "+r"(r15)                               \
			 :                                                             \
			 : "r14", "cc", "memory")
#define ZC_AMODE64(num) ZC_SVC_ASM("", num, "")
#define ZC_AMODE31(num) ZC_SVC_ASM(" SAM31\n", num, "\n SAM64")

/*
 * Whether this code runs below the 2 GiB bar, where SAM31 leaves the next instruction
 * addressable. BASR r,0 loads the address of the instruction after it: this file's
 * code, in the same section as zc_svc's.
 */
static int below_bar(void)
{
	unsigned long here;

	__asm__ volatile(" BASR %0,0" : "=r"(here) : : "cc");
	return here < 0x80000000ul;
}

void zc_svc(unsigned n, zc_regs *r)
{
	register unsigned long r0 __asm__("r0") = r->r0;
	register unsigned long r1 __asm__("r1") = r->r1;
	register unsigned long r15 __asm__("r15") = 0;

	switch (n) {
	case ZC_SVC_WAIT:
		ZC_AMODE64(ZC_SVC_WAIT);
		r15 = 0; /* WAIT has no return code */
		break;
	case ZC_SVC_POST:
		ZC_AMODE64(ZC_SVC_POST);
		r15 = 0; /* POST has no return code */
		break;
	case ZC_SVC_QEDIT:
		ZC_AMODE64(ZC_SVC_QEDIT);
		break;
	case ZC_SVC_WTO:
		ZC_AMODE64(ZC_SVC_WTO);
		break;
	case ZC_SVC_DOM:
		ZC_AMODE64(ZC_SVC_DOM);
		r15 = 0; /* DOM has no return code */
		break;
	case ZC_SVC_EXTRACT:
		if (!below_bar()) {
			r15 = ZC_RC_ABOVE_BAR; /* not issued */
			break;
		}
		ZC_AMODE31(ZC_SVC_EXTRACT);
		break;
	default:
		r15 = 0xFFFFFFFFu; /* not a service this module issues */
		break;
	}
	r->r0 = r0;
	r->r1 = r1;
	r->r15 = (uint32_t)r15;
}

void *zc_storage_obtain31(uint32_t len)
{
	return __malloc31(len);
}

void zc_storage_release31(void *p, uint32_t len)
{
	(void)len;
	free(p);
}

/* The PSA is at absolute address 0 (PSATOLD, PSAAOLD and FLCCVT are read from it). */
uint32_t zc_psa(void)
{
	return 0;
}
