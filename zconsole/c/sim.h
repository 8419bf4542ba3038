/*
 * sim.h: the simulated MVS, shared by the svc_sim.c and sim_*.c files.
 *
 * One address space: this process. Its state is a single structure guarded by one
 * mutex; WAIT sleeps on one condition variable, broadcast once a POST has been made:
 * when the mutex is released (sim_unlock), or, when the SVC that posted goes on to
 * sleep in a WAIT, just before it sleeps. All control blocks live in a low (31-bit)
 * arena, so they carry real 31-bit addresses.
 */
#ifndef ZC_SIM_H
#define ZC_SIM_H

#include "zc.h"
#include "sim_api.h"
#include <pthread.h>

/* Who owns a block of simulated storage. */
enum { SIM_PROGRAM = 0, SIM_SYSTEM = 1, SIM_OWNERS = 2 };

typedef struct sim_counts {
	uint64_t live_blocks[SIM_OWNERS];
	uint64_t live_bytes[SIM_OWNERS];
	uint64_t obtained[SIM_OWNERS];
	uint64_t abends;
	uint64_t long_waits; /* WAITs issued with R0 bit 0 (LONG=YES)         */
	uint64_t svcs[256];
} sim_counts;

/*
 * The registers a service reads, as fullwords: svc_sim.c has checked the 64-bit
 * registers the program gave (zc_regs) read the same as these low halves.
 */
typedef struct sim_regs {
	uint32_t r0;
	uint32_t r1;
	uint32_t r15;
} sim_regs;

typedef struct sim_state {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int up;         /* reset has built the system                          */
	char job[9];    /* job name, ASCII                                     */
	unsigned char job_e[8]; /* the same in IBM-1047, blank padded           */
	uint32_t com;   /* A(COM area), system storage                         */
	uint32_t comecb; /* A(communications ECB), system storage              */
	uint32_t cibctr; /* the limit of queued MODIFYs                        */
	uint32_t tail;  /* the last CIB on the chain                           */
	uint32_t queued; /* START and MODIFY CIBs on the chain                 */
	int stop_queued; /* a STOP CIB is on the chain                         */
	int nocom;      /* fault: EXTRACT finds no communications area         */
	uint32_t flag;  /* fault: X'80000000' set in every pointer the system
	                   hands over (sim_flag_pointers), else 0               */
	uint32_t last_abend;
	uint32_t spins; /* WAITs in a row satisfied at once, with no other SVC between */
	int posted;     /* an ECB was posted since sim.mu was taken: wake the WAITs
	                   when it is given up (sim_unlock, or sim_wait's sleep)  */
	sim_counts n;
} sim_state;

extern sim_state sim;

/* sim_storage.c. Call with sim.mu held. */
void *sim_obtain(int owner, uint32_t len);
void sim_release(int owner, void *p, uint32_t len);
int sim_addressable(uint32_t addr, uint32_t len);
void sim_storage_fail_next(int times);

/* sim_ecb.c. Call with sim.mu held; sim_unlock releases it. */
void sim_unlock(void);
void sim_wait(sim_regs *r);
void sim_post(sim_regs *r);
void sim_post_ecb(uint32_t ecb, uint32_t code);

/* sim_comm.c. Call with sim.mu held. */
void sim_extract(sim_regs *r);
void sim_qedit(sim_regs *r);
void sim_boot(void);
int sim_rebuild(const char *job, const unsigned char job_e[8]);
int sim_queue(const unsigned char *img, uint32_t len, int force);
uint32_t sim_cib_extent(const unsigned char *cib);
void sim_flag_pointers(uint32_t flag);
uint32_t sim_unflag(uint32_t word);

/* sim_watch.c. Call with sim.mu held, after a change observers may wait for. */
void sim_changed(void);

/* sim_log.c. Call with sim.mu held. */
void sim_log(uint32_t kind, uint32_t msgid, const void *data, uint32_t len);
void sim_log_clear(void);
uint32_t sim_abend(uint32_t code, const char *why);
size_t sim_log_count(void);
int sim_log_get(size_t i, uint64_t *seq, int64_t *ns, uint32_t *kind, uint32_t *msgid,
		unsigned char *buf, uint32_t cap, uint32_t *len);

/* A WPL as sim_wpl.c decodes it: what the console log and the reply need. */
typedef struct sim_wpl {
	unsigned char mcs1, mcs2, wpxm1;
	uint32_t nlines;
	uint16_t type[ZC_ML_LINES_MAX];
	uint32_t len[ZC_ML_LINES_MAX];
	uint32_t text[ZC_ML_LINES_MAX]; /* A(text bytes), after the length halfword */
	unsigned char desc[2];
	unsigned char rout[16];
	uint32_t consid;
	unsigned char consname[8];
	unsigned char cart[8];
	uint32_t replylen, replybuf, replyecb;
} sim_wpl;

/* Why a WPL was refused: its D23 reason code, and words for the log. */
typedef struct sim_why {
	uint32_t reason;
	char text[120];
} sim_why;

/* sim_wpl.c. Call with sim.mu held. */
uint32_t sim_wpl_decode(uint32_t wpl, sim_wpl *w, sim_why *y);

/* An outstanding reply: the WTOR's message id, and where the reply goes. */
typedef struct sim_ore {
	int used;
	uint64_t seq; /* order of issue */
	uint32_t msgid;
	uint32_t buf, ecb, len;
} sim_ore;

/* sim_wto.c. Call with sim.mu held. */
extern sim_ore sim_ores[ZCSIM_REPLY_IDS]; /* by reply id */
uint32_t sim_wto_record(const sim_wpl *w, uint32_t replyid, unsigned char *rec, uint32_t cap);
void sim_wto(sim_regs *r);
void sim_dom(sim_regs *r);
void sim_dom_id(uint32_t msgid);
void sim_wto_reset(void);

/* sim_reply.c. Call with sim.mu held. */
void sim_reply_reset(void);
void sim_reply_dom(void);
void sim_late_reply(void);

/* sim_task.c. Call with sim.mu held. */
int sim_task_build(int started);
void sim_task_flag(uint32_t flag);

#endif
