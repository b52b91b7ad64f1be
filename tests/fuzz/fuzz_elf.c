/* libFuzzer harness for the loader's ELF parser (src/loader/elf.c).
 *
 * Build and run (the lead's `make fuzz-loader` does the same):
 *   mkdir -p build/fuzz/corpus && cp build/tests/loader-corpus/[!M]* build/fuzz/corpus/ 2>/dev/null; \
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
 *     -std=gnu11 -Isrc -D_GNU_SOURCE -o build/fuzz/fuzz_elf tests/fuzz/fuzz_elf.c src/loader/elf.c && \
 *   build/fuzz/fuzz_elf -max_total_time=120 -max_len=8192 build/fuzz/corpus
 *
 * elf_parse must return 0 or -1 on every input, never read outside the
 * buffer (the input is copied into an exactly-sized heap block so ASan sees
 * any overread), always NUL-terminate its message, and keep the invariants
 * the mapper relies on when it accepts a file. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "loader/elf.h"

static void check(int ok)
{
	if (!ok)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct elf_info info;
	char err[256];
	uint8_t *buf = malloc(size ? size : 1);
	unsigned i;
	int r;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	memset(err, 'x', sizeof err);
	r = elf_parse(buf, size, &info, err, sizeof err);
	check(r == 0 || r == -1);
	if (r < 0) {
		check(memchr(err, 0, sizeof err) != NULL && err[0] != 0);
	} else {
		check(info.nloads >= 1 && info.nloads <= ELF_MAX_LOADS);
		check(info.type == ELF_ET_EXEC || info.type == ELF_ET_DYN);
		check(info.brand == ELF_BRAND_FREEBSD);
		check(info.min_vaddr < info.max_vaddr);
		check(info.max_vaddr <= ELF_USER_VA_END);
		check((info.max_align & (info.max_align - 1)) == 0);
		for (i = 0; i < info.nloads; i++) {
			const struct elf_seg *s = &info.loads[i];
			check(s->filesz <= s->memsz);
			check(s->offset <= size && s->filesz <= size - s->offset);
			check(((s->offset - s->vaddr) & (ELF_PAGE - 1)) == 0);
			check(s->vaddr + s->memsz <= ELF_USER_VA_END);
			if (i > 0)
				check(s->vaddr >= info.loads[i - 1].vaddr + info.loads[i - 1].memsz);
		}
		if (info.has_interp)
			check(memchr(info.interp, 0, sizeof info.interp) != NULL &&
			      info.interp[0] != 0);
	}
	free(buf);
	return 0;
}
