//go:build cgo && zos && !zconsolesim

/*
 * svc_zos.c: the supervisor calls, on z/OS.
 *
 * Each case loads R0 and R1 as protocol.c computed them, switches to 31-bit mode,
 * issues the SVC, and switches back. Every service here accepts AMODE 31, and EXTRACT
 * accepts nothing else; running all of them in AMODE 31 keeps one rule and means the
 * supervisor sees exactly the 32-bit register values the macro expansions document.
 * Between SAM31 and SAM64 nothing is touched but registers and the 31-bit parameter
 * storage they point to. R0, R1, R14 and R15 are changed by an SVC.
 *
 * This is the only file that differs from the simulator build; keep it this small.
 */
#include "zc.h"
#include <stdlib.h>

void zc_svc(unsigned n, zc_regs *r)
{
	register unsigned long r0 __asm__("r0") = r->r0;
	register unsigned long r1 __asm__("r1") = r->r1;
	register unsigned long r15 __asm__("r15") = 0;

	switch (n) {
	case ZC_SVC_WAIT:
		__asm__ volatile(" SAM31\n SVC 1\n SAM64"
				 : "+r"(r0), "+r"(r1), "+r"(r15)
				 :
				 : "r14", "memory");
		r15 = 0; /* WAIT has no return code */
		break;
	case ZC_SVC_POST:
		__asm__ volatile(" SAM31\n SVC 2\n SAM64"
				 : "+r"(r0), "+r"(r1), "+r"(r15)
				 :
				 : "r14", "memory");
		r15 = 0; /* POST has no return code */
		break;
	case ZC_SVC_QEDIT:
		__asm__ volatile(" SAM31\n SVC 34\n SAM64"
				 : "+r"(r0), "+r"(r1), "+r"(r15)
				 :
				 : "r14", "memory");
		break;
	case ZC_SVC_WTO:
		__asm__ volatile(" SAM31\n SVC 35\n SAM64"
				 : "+r"(r0), "+r"(r1), "+r"(r15)
				 :
				 : "r14", "memory");
		break;
	case ZC_SVC_DOM:
		__asm__ volatile(" SAM31\n SVC 87\n SAM64"
				 : "+r"(r0), "+r"(r1), "+r"(r15)
				 :
				 : "r14", "memory");
		r15 = 0; /* DOM has no return code */
		break;
	case ZC_SVC_EXTRACT:
		__asm__ volatile(" SAM31\n SVC 40\n SAM64"
				 : "+r"(r0), "+r"(r1), "+r"(r15)
				 :
				 : "r14", "memory");
		break;
	default:
		r15 = 0xFFFFFFFFu; /* not a service this module issues */
		break;
	}
	r->r0 = (uint32_t)r0;
	r->r1 = (uint32_t)r1;
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
