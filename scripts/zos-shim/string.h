/*
 * string.h for the z/OS compile check only (clang --target=s390x-ibm-zos
 * -ffreestanding -nostdinc): declares the few functions the module's C uses. The
 * real header comes with the z/OS C runtime; nothing built from this shim runs.
 */
#ifndef ZC_SHIM_STRING_H
#define ZC_SHIM_STRING_H

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
char *strncpy(char *dst, const char *src, size_t n);
size_t strlen(const char *s);

#endif
