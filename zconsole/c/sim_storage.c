//go:build cgo && zconsolesim

/*
 * sim_storage.c: 31-bit storage for the simulated address space.
 *
 * One arena is mapped below 2 GiB, so every control block has an address that fits a
 * fullword, as on z/OS. The arena is cut into 64 KiB chunks; each chunk serves one block
 * size (16 bytes to 64 KiB, powers of two), which makes "is this a live block?" a lookup,
 * not a search. That check turns a stray address in an SVC into a simulated abend
 * instead of a crash, and every block is counted by owner so tests can prove that
 * nothing leaks.
 *
 * A block is addressable for the length obtained, rounded up to a doubleword as GETMAIN
 * rounds it, not for the whole size class: reading past what was obtained is a program
 * error here (ASan sees the rest of the block as poisoned too), and FREEMAIN must give
 * back the length obtained. z/OS would catch neither inside the same page; the simulator
 * is stricter on purpose.
 *
 * Program storage comes back filled with X'FF', not zeros, as obtained storage is not
 * cleared on z/OS either: code that forgets to clear an ECB finds both high bits set.
 */
#define _GNU_SOURCE
#include "sim.h"
#include <stdlib.h>
#include <sys/mman.h>

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SIM_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define SIM_ASAN 1
#endif
#ifdef SIM_ASAN
#include <sanitizer/asan_interface.h>
#define poison(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define unpoison(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define poison(p, n) ((void)(p), (void)(n))
#define unpoison(p, n) ((void)(p), (void)(n))
#endif

#define ARENA_SIZE (64u << 20)
#define CHUNK_SIZE (64u << 10)
#define CHUNKS (ARENA_SIZE / CHUNK_SIZE)
#define MIN_SHIFT 4  /* 16 bytes */
#define MAX_SHIFT 16 /* 64 KiB   */
#define CLASSES (MAX_SHIFT - MIN_SHIFT + 1)

typedef struct chunk {
	int cls;                /* size class, -1 while unused                  */
	unsigned char *owner;   /* per block: 0 free, else owner + 1            */
	uint32_t *length;       /* per block: the length obtained, rounded to 8 */
	uint32_t used;          /* blocks handed out so far by the bump pointer */
} chunk;

typedef struct freelist {
	uint32_t *addr;
	uint32_t n, cap;
} freelist;

static unsigned char *arena;
static int arena_failed;
static uint32_t chunks_used;
static chunk chunks[CHUNKS];
static int current[CLASSES]; /* chunk being filled for each class, or -1 */
static freelist freed[CLASSES];
static int fail_next;

static int map_arena(void)
{
	uintptr_t hint;
	int i;

	for (hint = 0x10000000u; hint + ARENA_SIZE <= 0x80000000u; hint += 0x08000000u) {
		void *p = mmap((void *)hint, ARENA_SIZE, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
		if (p == MAP_FAILED)
			continue;
		if ((uintptr_t)p != hint) { /* a kernel that took the flag as a mere hint */
			munmap(p, ARENA_SIZE);
			continue;
		}
		arena = (unsigned char *)p;
		poison(arena, ARENA_SIZE);
		for (i = 0; i < (int)CHUNKS; i++)
			chunks[i].cls = -1;
		for (i = 0; i < CLASSES; i++)
			current[i] = -1;
		return 0;
	}
	arena_failed = 1;
	return -1;
}

static int class_of(uint32_t len)
{
	int shift = MIN_SHIFT;

	while (shift <= MAX_SHIFT && (1u << shift) < len)
		shift++;
	return shift <= MAX_SHIFT ? shift - MIN_SHIFT : -1;
}

static uint32_t size_of(int cls)
{
	return 1u << (cls + MIN_SHIFT);
}

void sim_storage_fail_next(int times)
{
	fail_next = times;
}

static unsigned char *fresh_block(int cls)
{
	int c = current[cls];
	uint32_t per = CHUNK_SIZE / size_of(cls);

	if (c < 0 || chunks[c].used == per) {
		if (chunks_used == CHUNKS)
			return NULL;
		c = (int)chunks_used++;
		chunks[c].cls = cls;
		chunks[c].used = 0;
		chunks[c].owner = (unsigned char *)calloc(per, 1);
		chunks[c].length = (uint32_t *)calloc(per, sizeof(uint32_t));
		if (chunks[c].owner == NULL || chunks[c].length == NULL) {
			free(chunks[c].owner);
			free(chunks[c].length);
			chunks_used--;
			chunks[c].cls = -1;
			return NULL;
		}
		current[cls] = c;
	}
	return arena + (uint32_t)c * CHUNK_SIZE + chunks[c].used++ * size_of(cls);
}

static uint32_t rounded(uint32_t len)
{
	return len == 0 ? 8 : (len + 7) & ~7u;
}

void *sim_obtain(int owner, uint32_t len)
{
	unsigned char *p;
	freelist *fl;
	uint32_t off, in;
	int cls;

	if (fail_next > 0) {
		fail_next--;
		return NULL;
	}
	if (arena == NULL && (arena_failed || map_arena() != 0))
		return NULL;
	cls = class_of(rounded(len));
	if (cls < 0)
		return NULL;
	fl = &freed[cls];
	p = fl->n > 0 ? (unsigned char *)zc_ptr(fl->addr[--fl->n]) : fresh_block(cls);
	if (p == NULL)
		return NULL;
	off = (uint32_t)(p - arena);
	in = (off % CHUNK_SIZE) / size_of(cls);
	chunks[off / CHUNK_SIZE].owner[in] = (unsigned char)(owner + 1);
	chunks[off / CHUNK_SIZE].length[in] = rounded(len);
	unpoison(p, rounded(len));
	memset(p, owner == SIM_PROGRAM ? 0xFF : 0x00, rounded(len));
	sim.n.live_blocks[owner]++;
	sim.n.live_bytes[owner] += rounded(len);
	sim.n.obtained[owner]++;
	return p;
}

/* Find the live block holding [addr, addr+len); return its owner slot or NULL. */
static unsigned char *slot(uint32_t addr, uint32_t len, uint32_t *start, int *cls,
			   uint32_t *have)
{
	uint32_t off, in, size;
	chunk *c;

	if (arena == NULL || addr < zc_addr(arena) || addr - zc_addr(arena) >= ARENA_SIZE)
		return NULL;
	off = addr - zc_addr(arena);
	c = &chunks[off / CHUNK_SIZE];
	if (c->cls < 0)
		return NULL;
	size = size_of(c->cls);
	in = (off % CHUNK_SIZE) / size;
	if (in >= c->used || c->owner[in] == 0)
		return NULL;
	*start = zc_addr(arena) + (off / CHUNK_SIZE) * CHUNK_SIZE + in * size;
	*have = c->length[in];
	if (len > *have || addr - *start > *have - len)
		return NULL;
	*cls = c->cls;
	return &c->owner[in];
}

int sim_addressable(uint32_t addr, uint32_t len)
{
	uint32_t start, have;
	int cls;

	return slot(addr, len, &start, &cls, &have) != NULL;
}

void sim_release(int owner, void *p, uint32_t len)
{
	uint32_t start, have;
	unsigned char *s;
	freelist *fl;
	int cls;

	s = slot(zc_addr(p), rounded(len), &start, &cls, &have);
	if (s == NULL || start != zc_addr(p) || *s != owner + 1 || have != rounded(len)) {
		sim_abend(0x0C4, "FREEMAIN: storage was not obtained at this address and length");
		return;
	}
	*s = 0;
	memset(p, 0xDD, rounded(len));
	poison(p, size_of(cls));
	sim.n.live_blocks[owner]--;
	sim.n.live_bytes[owner] -= rounded(len);
	fl = &freed[cls];
	if (fl->n == fl->cap) {
		uint32_t ncap = fl->cap ? fl->cap * 2 : 64;
		uint32_t *na = (uint32_t *)realloc(fl->addr, ncap * sizeof *na);
		if (na == NULL)
			return; /* the block is simply not reused */
		fl->addr = na;
		fl->cap = ncap;
	}
	fl->addr[fl->n++] = zc_addr(p);
}
