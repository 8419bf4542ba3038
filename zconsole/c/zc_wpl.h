/*
 * zc_wpl.h: the WTO parameter list (IEZWPL), the limits a problem program's messages
 * meet, and zc_msg, what Go prepares for one message. zc.h includes it; wto.c lays the
 * list out and the simulator's SVC 35 (sim_wpl.c) reads it back.
 */
#ifndef ZC_WPL_H
#define ZC_WPL_H

#include <stdint.h>

/*
 * The WTO parameter list as IEZWPL maps it, in the one form this module builds: the
 * extended WPL (a WPX, version 2) with the text given by address, as the macro expands
 * WTO TEXT=. Sources and what is UNCONFIRMED: docs/wto.md.
 *
 *   +0   WPL: length byte for a 31-bit WTOR prefix (0 here), text length (8: a 4-byte
 *        text address plus this 4-byte header), MCS flags 1 and 2
 *   +4   A(text): a halfword length followed by the text, EBCDIC
 *   +8   WPX, 104 bytes
 *   +112 multi-line only: line type of the first line, area id, number of lines, then
 *        8 bytes for each further line: halfword 8, line type, A(text)
 */
#define ZC_WPL_RLN        0   /* WPL31RLN: reply length of a 31-bit WTOR prefix list */
#define ZC_WPL_LPTXT      1   /* WPLLPTXT: text length + 4; 8 with a text address    */
#define ZC_WPL_MCSF1      2   /* WPLMCSF1                                             */
#define ZC_WPL_MCSF2      3   /* WPLMCSF2                                             */
#define ZC_WPL_TEXT       4   /* the text address (WPXTXTAD)                          */
#define ZC_WPL_WPX        8   /* where the WPX starts after a text address            */

#define ZC_MCS1_CODES     0x80 /* WPLMCSFA: routing and descriptor codes present      */
#define ZC_MCS1_RESP      0x20 /* WPLMCSFC: immediate command response                */
#define ZC_MCS1_HRDCPY    0x02 /* WPLMCSFG: hardcopy only                              */
#define ZC_MCS2_NOTIME    0x80 /* MCSFLAG=NOTIME: no time stamp (SVC 35)               */
#define ZC_MCS2_MLWTO     0x40 /* WPLMCSFJ: multi-line                                 */
#define ZC_MCS2_WPX       0x10 /* WPLMCSFL: extended WPL (WPX) present                 */

#define ZC_WPX_VRSN       0   /* WPXVRSN: version level                               */
#define ZC_WPX_FLAGS      1   /* WPXFLAGS                                             */
#define ZC_WPX_RPYLN      2   /* WPXRPYLN: reply buffer length (WTOR)                 */
#define ZC_WPX_LNGTH      3   /* WPXLNGTH: length of the WPX                          */
#define ZC_WPX_MCS1       4   /* WPXMCS1: extended MCS flags 1                        */
#define ZC_WPX_MCS2       5   /* WPXMCS2: extended MCS flags 2                        */
#define ZC_WPX_CPFLG      6   /* WPXCPFLG: control program use                        */
#define ZC_WPX_RPBUF      8   /* WPXRPBUF: A(reply buffer), WTOR                      */
#define ZC_WPX_ECBP       12  /* WPXECBP: A(reply ECB), WTOR                          */
#define ZC_WPX_SEQN       16  /* WPXSEQN: connect id                                  */
#define ZC_WPX_DESC       20  /* WPXDESC: descriptor codes, code k = bit k-1          */
#define ZC_WPX_ROUT       24  /* WPXROUT: routing codes 1-128, code k = bit k-1       */
#define ZC_WPX_MSGTY      40  /* WPXMSGTY                                             */
#define ZC_WPX_JOBID      44  /* WPXJOBID                                             */
#define ZC_WPX_JOBNM      52  /* WPXJOBNM                                             */
#define ZC_WPX_KEY        60  /* WPXKEY: retrieval key                                */
#define ZC_WPX_TOKN       68  /* WPXTOKN: token for DOM                               */
#define ZC_WPX_CNID       72  /* WPXCNID: console id                                  */
#define ZC_WPX_SYSNA      76  /* WPXSYSNA: system name                                */
#define ZC_WPX_CNNME      84  /* WPXCNNME: console name                               */
#define ZC_WPX_RCNA       92  /* WPXRCNA: A(12-byte replying console name/id)         */
#define ZC_WPX_CART       96  /* WPXCART: A(CART)                                     */
#define ZC_WPX_WSPRM      100 /* WPXWSPRM: A(wait-state parameter list)               */
#define ZC_WPX_SIZE       104 /* WPX2LEN: the length of a version 2 WPX               */
#define ZC_WPX_VERSION    2

#define ZC_WPXM1_CONSID   0x40 /* WPXCONS: four-byte console id given                 */
#define ZC_WPXM1_CONNECT  0x10 /* WPXCONN: connect id given                           */
#define ZC_WPXM1_WTOR     0x08 /* WPXWTOR: WTOR with an extended parameter list       */
#define ZC_WPXM1_CONSNAME 0x02 /* WPXCNM: console name given                          */
#define ZC_WPXM2_TEXTADDR 0x80 /* WPXTXTAD: text address given                        */

/* Multi-line extension, after the WPX, and its entries for lines 2..n. */
#define ZC_ML_LTF         0   /* WPLLTF: line type of the first line                  */
#define ZC_ML_AREA        2   /* WPLAREA: area id                                     */
#define ZC_ML_LINES       3   /* WPLLINES: number of lines, the first included        */
#define ZC_ML_SIZE        4
#define ZC_MLL_LEN        0   /* WPLMLLEN (halfword): 8, for a 4-byte text address    */
#define ZC_MLL_LTF        2   /* WPLMLLTF: line type                                  */
#define ZC_MLL_TEXT       4   /* A(text)                                              */
#define ZC_MLL_SIZE       8

/* Line types (WPLLTF), the first byte of the halfword. */
#define ZC_LT_CONTROL     0x8000 /* C  */
#define ZC_LT_LABEL       0x4000 /* L  */
#define ZC_LT_DATA        0x2000 /* D  */
#define ZC_LT_END         0x1000 /* E; DE is DATA|END */

/* Limits a problem program meets (docs/wto.md). */
#define ZC_WTO_TEXT_MAX   126 /* a single-line WTO                                   */
#define ZC_WTOR_TEXT_MAX  122 /* a WTOR, which has one line                          */
#define ZC_ML_TEXT_MAX    71  /* each line of a multi-line WTO (L, D, DE)            */
#define ZC_ML_CTL_MAX     35  /* its control line (C)                                */
#define ZC_ML_LINES_MAX   10  /* lines of a multi-line WTO without authorization     */
#define ZC_REPLY_MAX      119 /* a WTOR reply                                        */
#define ZC_WPL_MAX        1024 /* the largest WPL built here, texts and CART included */

/* What Go prepared for one message: EBCDIC text, checked, and the WPX fields. */
typedef struct zc_msg {
	uint32_t nlines;                  /* 1 for a single-line message              */
	uint16_t len[ZC_ML_LINES_MAX];    /* EBCDIC text bytes of each line           */
	uint16_t type[ZC_ML_LINES_MAX];   /* line types; not used for a single line   */
	uint32_t flags;                   /* ZC_MSG_*                                 */
	uint32_t consid;                  /* ZC_MSG_CONSID                            */
	uint32_t replylen;                /* WTOR: 1..ZC_REPLY_MAX; a WTO: 0          */
	uint32_t replybuf;                /* WTOR: A(reply buffer), set by zc_ask_*   */
	uint32_t replyecb;                /* WTOR: A(reply ECB), set by zc_ask_*      */
	unsigned char desc[2];            /* ZC_MSG_CODES: descriptor code mask       */
	unsigned char rout[16];           /* ZC_MSG_CODES: routing code mask          */
	unsigned char consname[8];        /* ZC_MSG_CONSNAME: EBCDIC, blank padded    */
	unsigned char cart[8];            /* ZC_MSG_CART                              */
} zc_msg;

enum {
	ZC_MSG_CODES = 0x01,    /* routing/descriptor codes given (MCS X'80')           */
	ZC_MSG_CONSID = 0x02,   /* to console id consid (CONSID=)                       */
	ZC_MSG_CONSNAME = 0x04, /* to console consname (CONSNAME=)                      */
	ZC_MSG_CART = 0x08,     /* with CART cart                                       */
	ZC_MSG_RESP = 0x10,     /* an immediate command response (MCSFLAG=RESP)         */
	ZC_MSG_NOTIME = 0x20    /* no time stamp (MCSFLAG=NOTIME)                       */
};

/*
 * Lay the WPL for m out in out[0..cap) as if it lived at 31-bit address base: every
 * address field is base plus an offset into out. *len gets the bytes used.
 */
int zc_wpl_layout(const zc_msg *m, const unsigned char *text, uint32_t textlen,
		  unsigned char *out, uint32_t cap, uint32_t base, uint32_t *len);

#endif
