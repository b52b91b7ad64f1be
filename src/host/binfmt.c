/* bsdemu --binfmt-register / --binfmt-unregister: hand FreeBSD/aarch64 ELF
 * files to bsdemu through Linux's binfmt_misc, so that a *host* program
 * (sh, nohup, env, make ...) can exec a FreeBSD program as it would on
 * FreeBSD.  bsdemu itself never needs this: a guest's execve of a FreeBSD
 * program re-runs bsdemu directly (os/freebsd/exec.c).
 *
 * The entry matches the first 20 bytes of the ELF header: ELFCLASS64,
 * ELFDATA2LSB, EV_CURRENT, EI_OSABI 9 (ELFOSABI_FREEBSD: what FreeBSD's
 * own tools, lld for *-freebsd targets and Go write), e_type ET_EXEC or
 * ET_DYN (mask 0xfe), e_machine EM_AARCH64 (183).  The padding bytes are
 * not compared.  Flag F makes the kernel open bsdemu when the entry is
 * registered, so the entry keeps working in chroots and mount namespaces;
 * without flag P the program gets argv[0] = its path, as the kernel
 * passes bsdemu "bsdemu PATH ARGS...".
 *
 * Root only (the kernel says EPERM to anyone else).  binfmt_misc is
 * mounted at /proc/sys/fs/binfmt_misc when it is not yet. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "host/binfmt.h"

#define BINFMT_DIR "/proc/sys/fs/binfmt_misc"

static const unsigned char magic[20] = {
	0x7f, 'E', 'L', 'F', 2, 1, 1, 9, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 183, 0,
};
static const unsigned char mask[20] = {
	0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0,
	0xfe, 0xff, 0xff, 0xff,
};

static int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, s, strlen(s));
	if (n < 0) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	close(fd);
	return 0;
}

/* A name binfmt_misc accepts: no '/', no ':', not "." or "..", short. */
static int name_ok(const char *name)
{
	size_t n = strlen(name);

	return n > 0 && n < 64 && !strpbrk(name, "/:") && strcmp(name, ".") &&
	       strcmp(name, "..");
}

static int ensure_mounted(void)
{
	if (access(BINFMT_DIR "/register", F_OK) == 0)
		return 0;
	if (mount("binfmt_misc", BINFMT_DIR, "binfmt_misc", 0, NULL) == 0)
		return 0;
	fprintf(stderr, "bsdemu: cannot mount binfmt_misc on %s: %s\n", BINFMT_DIR,
		strerror(errno));
	return -1;
}

static void hex(char *out, const unsigned char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sprintf(out + 4 * i, "\\x%02x", b[i]);
}

int host_binfmt_register(const char *name)
{
	char exe[PATH_MAX], line[PATH_MAX + 256], m[4 * 20 + 1], k[4 * 20 + 1];
	char entry[PATH_MAX];

	if (!name_ok(name)) {
		fprintf(stderr, "bsdemu: bad binfmt_misc entry name '%s'\n", name);
		return 1;
	}
	if (!realpath("/proc/self/exe", exe)) {
		fprintf(stderr, "bsdemu: cannot find bsdemu's own path: %s\n", strerror(errno));
		return 1;
	}
	if (strchr(exe, ':')) {
		fprintf(stderr, "bsdemu: binfmt_misc cannot name an interpreter with ':' in its path (%s)\n",
			exe);
		return 1;
	}
	if (ensure_mounted() < 0)
		return 1;
	snprintf(entry, sizeof(entry), "%s/%s", BINFMT_DIR, name);
	if (access(entry, F_OK) == 0) {
		fprintf(stderr, "bsdemu: binfmt_misc entry '%s' exists already (remove it with --binfmt-unregister=%s)\n",
			name, name);
		return 1;
	}
	hex(m, magic, sizeof(magic));
	hex(k, mask, sizeof(mask));
	snprintf(line, sizeof(line), ":%s:M::%s:%s:%s:F", name, m, k, exe);
	if (write_file(BINFMT_DIR "/register", line) < 0) {
		fprintf(stderr, "bsdemu: cannot register binfmt_misc entry '%s': %s\n", name,
			strerror(errno));
		return 1;
	}
	printf("bsdemu: registered binfmt_misc entry '%s': FreeBSD/aarch64 programs now run under %s\n",
	       name, exe);
	return 0;
}

int host_binfmt_unregister(const char *name)
{
	char entry[PATH_MAX];

	if (!name_ok(name)) {
		fprintf(stderr, "bsdemu: bad binfmt_misc entry name '%s'\n", name);
		return 1;
	}
	snprintf(entry, sizeof(entry), "%s/%s", BINFMT_DIR, name);
	if (write_file(entry, "-1") < 0) {
		fprintf(stderr, "bsdemu: cannot remove binfmt_misc entry '%s': %s\n", name,
			strerror(errno));
		return 1;
	}
	printf("bsdemu: removed binfmt_misc entry '%s'\n", name);
	return 0;
}
