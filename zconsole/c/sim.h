/*
 * sim.h: the simulated MVS, shared by the svc_sim.c and sim_*.c files.
 *
 * One address space: this process. Its state is a single structure guarded by one
 * mutex; WAIT sleeps on one condition variable that every POST broadcasts. All control
 * blocks live in a low (31-bit) arena, so they carry real 31-bit addresses.
 */
#ifndef ZC_SIM_H
#define ZC_SIM_H

#include "zc.h"
#include "sim_api.h"
#include <pthread.h>

/* Who owns a block of simulated storage. */
enum { SIM_PROGRAM = 0, SIM_SYSTEM = 1, SIM_OWNERS = 2 };

/* Log record kinds, as the Go side of the simulator reads them. */
enum {
	SIM_LOG_COMMAND = 1, /* an operator command, as typed (ASCII)              */
	SIM_LOG_SYSTEM = 2,  /* a system message (ASCII)                           */
	SIM_LOG_ABEND = 3,   /* an abend the simulator detected (ASCII)            */
	SIM_LOG_WTO = 4,     /* a WTO or WTOR as decoded from its WPL (sim_wto.c)  */
	SIM_LOG_DOM = 5,     /* a DOM of message msgid (no data)                   */
	SIM_LOG_REPLY = 6    /* an operator's reply accepted (sim_wto.c)           */
};

typedef struct sim_counts {
	uint64_t live_blocks[SIM_OWNERS];
	uint64_t live_bytes[SIM_OWNERS];
	uint64_t obtained[SIM_OWNERS];
	uint64_t abends;
	uint64_t svcs[256];
} sim_counts;

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
	uint32_t last_abend;
	uint32_t spins; /* WAITs in a row satisfied at once, with no other SVC between */
	sim_counts n;
} sim_state;

extern sim_state sim;

/* sim_storage.c. Call with sim.mu held. */
void *sim_obtain(int owner, uint32_t len);
void sim_release(int owner, void *p, uint32_t len);
int sim_addressable(uint32_t addr, uint32_t len);
void sim_storage_fail_next(int times);

/* sim_ecb.c. Call with sim.mu held. */
void sim_wait(zc_regs *r);
void sim_post(zc_regs *r);
void sim_post_ecb(uint32_t ecb, uint32_t code);

/* sim_comm.c. Call with sim.mu held. */
void sim_extract(zc_regs *r);
void sim_qedit(zc_regs *r);
void sim_boot(void);
int sim_rebuild(const char *job, const unsigned char job_e[8]);
int sim_queue(const unsigned char *img, uint32_t len, int force);
uint32_t sim_cib_extent(const unsigned char *cib);

/* sim_log.c. Call with sim.mu held. */
void sim_log(uint32_t kind, uint32_t msgid, const void *data, uint32_t len);
void sim_log_clear(void);
uint32_t sim_abend(uint32_t code, const char *why);
size_t sim_log_count(void);
int sim_log_get(size_t i, uint64_t *seq, int64_t *ns, uint32_t *kind, uint32_t *msgid,
		unsigned char *buf, uint32_t cap, uint32_t *len);

/* sim_wto.c. Call with sim.mu held. */
void sim_wto(zc_regs *r);
void sim_dom(zc_regs *r);
void sim_wto_reset(void);

/* sim_task.c. Call with sim.mu held. */
int sim_task_build(int started);

#endif
