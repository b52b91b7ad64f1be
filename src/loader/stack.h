/* The initial process stack (internal to the loader). */
#ifndef BSDEMU_LOADER_STACK_H
#define BSDEMU_LOADER_STACK_H

#include <stddef.h>
#include <stdint.h>

#include "loader/loader.h"

struct stack_args {
	char *const *argv;      /* NULL-terminated */
	char *const *envp;      /* NULL-terminated, or NULL = empty */
	const char *execpath;   /* AT_EXECPATH string */
	uint64_t usrstack;      /* top of the stack */
	uint64_t stack_bottom;  /* lowest byte of the mapped stack */
	uint64_t stack_lim;     /* AT_USRSTACKLIM */
	uint64_t phdr, phnum, entry, base, ehdrflags;
	uint64_t timekeep;      /* 0 = no AT_TIMEKEEP */
	int64_t osreldate;
};

/* Write ps_strings, strings, vectors and auxv into the mapped, zeroed stack
 * [stack_bottom, usrstack) and fill the stack fields of *OUT.  0, or -1 with
 * a reason in ERR (argument list too long for ARG_MAX or the stack). */
int loader_build_stack(const struct stack_args *a, struct guest_entry *out,
		       char *err, size_t errlen);

#endif
