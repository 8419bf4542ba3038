/*
 * sim_api.h: the simulated system as its Go side sees it: the entry points package
 * zconsole/internal/mvs calls (for package sim and the tests), each taking the
 * simulator's lock, and the codes and record layouts they share with Go, which reads
 * them from internal/zc (generated from this file; mvs compiles against a copy,
 * zsim_api.h, made at the same time).
 */
#ifndef ZC_SIM_API_H
#define ZC_SIM_API_H

#include <stddef.h>
#include <stdint.h>

typedef struct zcsim_counts {
	uint64_t program_blocks, program_bytes, program_obtained;
	uint64_t system_blocks, system_bytes, system_obtained;
	uint64_t abends;
	uint64_t long_waits;  /* WAITs issued with LONG=YES (R0 bit 0)      */
	uint32_t last_abend;
	uint32_t cibctr;      /* the limit QEDIT last set                   */
	uint32_t queued;      /* START and MODIFY CIBs on the chain         */
	uint32_t stop_queued; /* 1 while a STOP CIB is on the chain         */
	uint64_t svcs[256];   /* SVCs issued, by number                     */
} zcsim_counts;

/* The address-space id of the simulated job: in its ASCB, and in the CIBs package sim builds. */
enum { ZCSIM_ASID = 0x0021 };

/*
 * The console log, as zcsim_log_get hands it out: each record has a kind, a message id
 * (a WTO's, a DOM's), data, and the time it was logged in nanoseconds since 1970; a WTO
 * written without a time stamp is marked ZCSIM_RF2_NOTIME in its data and shown without one.
 */
enum {
	ZCSIM_LOG_COMMAND = 1, /* an operator command, as typed (ASCII)                  */
	ZCSIM_LOG_SYSTEM = 2,  /* a system message (ASCII)                               */
	ZCSIM_LOG_ABEND = 3,   /* an abend the simulator detected (ASCII)                */
	ZCSIM_LOG_WTO = 4,     /* a WTO or WTOR as decoded from its WPL: the record below */
	ZCSIM_LOG_DOM = 5,     /* a DOM of message msgid (no data)                       */
	ZCSIM_LOG_REPLY = 6    /* an operator's reply accepted: id, length, EBCDIC text  */
};

/*
 * The data of a ZCSIM_LOG_WTO record (sim_wto.c writes it, package sim reads it),
 * big-endian: a header, then each line as type, length and EBCDIC text.
 */
enum {
	ZCSIM_REC_FLAGS = 0,     /* ZCSIM_RF_*                                          */
	ZCSIM_REC_REPLYID = 1,   /* a WTOR's reply id                                   */
	ZCSIM_REC_REPLYLEN = 2,  /* a WTOR's reply length                               */
	ZCSIM_REC_NLINES = 3,    /* the number of lines                                 */
	ZCSIM_REC_DESC = 4,      /* descriptor codes, 2 bytes, as the system assigned them */
	ZCSIM_REC_ROUT = 6,      /* routing codes, 16 bytes                             */
	ZCSIM_REC_CONSID = 22,   /* console id (CONSID=)                                */
	ZCSIM_REC_CONSNAME = 26, /* console name (CONSNAME=), EBCDIC                    */
	ZCSIM_REC_CART = 34,     /* CART, 8 bytes                                       */
	ZCSIM_REC_JOB = 42,      /* job name, ASCII, blank padded, 8 bytes              */
	ZCSIM_REC_FLAGS2 = 50,   /* ZCSIM_RF2_*                                         */
	ZCSIM_REC_HDR = 52,      /* the header's length, its last byte reserved          */
	ZCSIM_LINE_TYPE = 0,     /* each line: its type (WPLLTF), 2 bytes               */
	ZCSIM_LINE_LEN = 2,      /* its length, 1 byte                                  */
	ZCSIM_LINE_TEXT = 3      /* its text                                            */
};
enum {
	ZCSIM_RF_WTOR = 0x80,     /* a WTOR                                              */
	ZCSIM_RF_MLWTO = 0x40,    /* a multi-line message                                */
	ZCSIM_RF_RESP = 0x20,     /* an immediate command response (MCSFLAG=RESP)        */
	ZCSIM_RF_CONSID = 0x10,   /* sent to a console id                                */
	ZCSIM_RF_CONSNAME = 0x08, /* sent to a console name                              */
	ZCSIM_RF_CART = 0x04,     /* with a CART                                         */
	ZCSIM_RF_HRDCPY = 0x02,   /* hardcopy only                                       */
	ZCSIM_RF_CODES = 0x01     /* routing and descriptor codes given                  */
};
enum {
	ZCSIM_RF2_NOTIME = 0x80   /* no time stamp (MCSFLAG=NOTIME): shown without a time */
};

/* The data of a ZCSIM_LOG_REPLY record: the reply id, the length, the EBCDIC text. */
enum { ZCSIM_RPL_ID = 0, ZCSIM_RPL_LEN = 1, ZCSIM_RPL_TEXT = 2 };

/* Results of zcsim_queue (and zcsim_reset's START). */
enum { ZCSIM_QUEUED = 0, ZCSIM_BUSY = 1, ZCSIM_NOSTORAGE = 2, ZCSIM_BADCIB = 3 };

/* job: the job name as text, for the log; job_e: the same in IBM-1047, blank padded. */
int zcsim_reset(const char *job, const unsigned char job_e[8], const unsigned char *start,
		uint32_t len);
int zcsim_queue(const unsigned char *img, uint32_t len);
void zcsim_log(uint32_t kind, const unsigned char *text, uint32_t len);
size_t zcsim_log_count(void);
int zcsim_log_get(size_t i, uint64_t *seq, int64_t *ns, uint32_t *kind, uint32_t *msgid,
		  unsigned char *buf, uint32_t cap, uint32_t *len);
void zcsim_counts_get(zcsim_counts *out);
void zcsim_fail_svc(unsigned svc, uint32_t rc, int skip, int times);
void zcsim_fail_storage(int times);
void zcsim_no_com(int on);
/* While on, the system sets bit 0 of every pointer it hands over (sim_flag_pointers). */
void zcsim_flag_pointers(int on);
void zcsim_job(char out[9]);
/* Supervisor call n with R0 and R1 as given, all 64 bits; returns R15. Program storage
 * by address (0 when none is left), and its release, as the protocol's C obtains and
 * frees it. */
uint32_t zcsim_svc(unsigned n, uint64_t r0, uint64_t r1);
uint32_t zcsim_obtain(uint32_t len);
void zcsim_release(uint32_t addr, uint32_t len);

/* Console output: the operator's reply (sim_reply.c). Results of zcsim_reply. */
enum { ZCSIM_REPLIED = 0, ZCSIM_NOT_OUTSTANDING = 1, ZCSIM_TOO_LONG = 2, ZCSIM_REPLY_LOST = 3 };

int zcsim_reply(uint32_t id, const unsigned char *text, uint32_t len);
/* While on, the next reply is taken at once but moved and posted only after the
 * program's next DOM has returned, when the program next enters the system. */
void zcsim_defer_reply(int on);
enum { ZCSIM_REPLY_IDS = 100 }; /* reply ids 00-99: RMAX 99 */
uint32_t zcsim_outstanding(uint32_t *ids, uint32_t cap);
/* A WPL image decoded as SVC 35 would, issuing nothing (sim_wpl.c); issued (svc_sim.c). */
uint32_t zcsim_decode_wpl(const unsigned char *img, uint32_t len, unsigned char *rec,
			  uint32_t cap, uint32_t *reclen);
uint32_t zcsim_decode_base(void);
uint32_t zcsim_issue_wpl(const unsigned char *img, uint32_t len, uint32_t *r1);

/*
 * What an observer waits on (sim_watch.c): a count of the system's changes (a record
 * logged, CIBCTR set). zcsim_await_change blocks while the count is seen and returns
 * it as it is then; zcsim_wake_watchers counts a change that is none, so that every
 * waiter looks again.
 */
uint64_t zcsim_changes(void);
uint64_t zcsim_await_change(uint64_t seen);
void zcsim_wake_watchers(void);

#endif
