/*
 * sim_api.h: the simulated system as its Go side (package sim, through package c) sees
 * it. Every function takes the simulator's lock.
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

/* Console output (sim_wto.c). Results of zcsim_reply. */
enum { ZCSIM_REPLIED = 0, ZCSIM_NOT_OUTSTANDING = 1, ZCSIM_TOO_LONG = 2, ZCSIM_REPLY_LOST = 3 };

int zcsim_reply(uint32_t id, const unsigned char *text, uint32_t len);
/* While on, the next reply is taken at once but moved and posted only after the
 * program's next DOM has returned, when the program next enters the system. */
void zcsim_defer_reply(int on);
enum { ZCSIM_REPLY_IDS = 100 }; /* reply ids 00-99: RMAX 99 */
uint32_t zcsim_outstanding(uint32_t *ids, uint32_t cap);
int zcsim_await_wtor(int64_t ns);
uint32_t zcsim_decode_wpl(const unsigned char *img, uint32_t len, unsigned char *rec,
			  uint32_t cap, uint32_t *reclen);
uint32_t zcsim_decode_base(void);
uint32_t zcsim_issue_wpl(const unsigned char *img, uint32_t len, uint32_t *r1);

#endif
