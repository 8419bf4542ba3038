/*
 * stdlib.h for the z/OS compile check only (see string.h here): __malloc31, the
 * z/OS C runtime's allocator of storage below 2 GiB, and free.
 */
#ifndef ZC_SHIM_STDLIB_H
#define ZC_SHIM_STDLIB_H

#include <stddef.h>

void *__malloc31(size_t n);
void free(void *p);

#endif
