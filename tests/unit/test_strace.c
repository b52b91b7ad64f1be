/* Unit test of the -strace printer, the --report table and the generated
 * syscall table.  Host-side: links with every bsdemu object except main.o.
 * Guest strings live in real guest memory (mem_init + mem_map_fixed), so
 * the printer's copy_from_guest paths are exercised, bad pointers too. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "mem/mem.h"
#include "os/freebsd/fbsd_errno.h"
#include "os/freebsd/report.h"
#include "os/freebsd/strace.h"
#include "os/freebsd/syscalls_gen.h"
#include "os/freebsd/thread.h"

static int failures;

static void check(const char *name, int ok, const char *got, const char *want)
{
	if (ok) {
		printf("PASS %s\n", name);
	} else {
		printf("FAIL %s: got [%s] want [%s]\n", name, got, want);
		failures++;
	}
}

static gaddr_t area;     /* one mapped guest page */
static size_t used;

/* Copy N bytes into the guest page, return their guest address. */
static gaddr_t gput(const void *p, size_t n)
{
	gaddr_t a = area + used;

	if (copy_to_guest(a, p, n)) {
		printf("FAIL setup: copy_to_guest\n");
		exit(1);
	}
	used += (n + 15) & ~(size_t)15;
	return a;
}

static gaddr_t gstr(const char *s)
{
	return gput(s, strlen(s) + 1);
}

/* Format one call and compare with WANT. */
static void line(const char *name, int nr, uint64_t a0, uint64_t a1, uint64_t a2,
		 uint64_t a3, uint64_t a4, uint64_t a5, int error, uint64_t ret,
		 const char *want)
{
	uint64_t args[8] = { a0, a1, a2, a3, a4, a5, 0, 0 };
	uint64_t rv[2] = { ret, 0 };
	char buf[1024];

	fbsd_strace_format(buf, sizeof(buf), nr, args, error, rv, 0);
	check(name, !strcmp(buf, want), buf, want);
}

static void test_lines(void)
{
	char want[256];
	gaddr_t hosts = gstr("/etc/hosts");
	gaddr_t nonex = gstr("/nonexistent");
	gaddr_t tmpf = gstr("/tmp/out");
	gaddr_t esc = gput("hi\t\"x\"\n\x01\xff\\", 10);
	gaddr_t longp = gstr("/usr/local/share/very/long/path/name/file.txt");
	gaddr_t text = gstr("127.0.0.1 localhost\n::1 localhost\n");
	gaddr_t bad = area + 2 * GUEST_PAGE_SIZE;      /* unmapped */
	struct { int64_t s, ns; } ts = { 12, 345 };
	gaddr_t tsp = gput(&ts, sizeof(ts));
	unsigned char st[224] = { 0 };
	uint16_t mode = 020620;
	int64_t size = 0;
	uint32_t set[4] = { (1u << 1) | (1u << 14), 0, 0, 0 };  /* SIGINT SIGTERM */
	gaddr_t setp = gput(set, sizeof(set));

	memcpy(st + 24, &mode, 2);
	memcpy(st + 112, &size, 8);
	gaddr_t stp = gput(st, sizeof(st));

	line("open_flags", FBSD_SYS_open, hosts, 0x100000, 0, 0, 0, 0, 0, 3,
	     "open(\"/etc/hosts\", O_RDONLY|O_CLOEXEC) = 3");
	line("openat_fdcwd", FBSD_SYS_openat, (uint64_t)-100, hosts, 0x100000, 0, 0, 0, 0, 3,
	     "openat(AT_FDCWD, \"/etc/hosts\", O_RDONLY|O_CLOEXEC) = 3");
	line("openat_creat_mode", FBSD_SYS_openat, 5, tmpf, 0x1 | 0x200 | 0x400, 0644, 0, 0, 0, 4,
	     "openat(5, \"/tmp/out\", O_WRONLY|O_CREAT|O_TRUNC, 0644) = 4");
	line("open_enoent", FBSD_SYS_open, nonex, 0, 0, 0, 0, 0, FBSD_ENOENT, 0,
	     "open(\"/nonexistent\", O_RDONLY) = -1 ENOENT");
	snprintf(want, sizeof(want), "open(0x%llx, O_RDWR) = -1 EFAULT",
		 (unsigned long long)bad);
	line("open_bad_pointer", FBSD_SYS_open, bad, 2, 0, 0, 0, 0, FBSD_EFAULT, 0, want);
	snprintf(want, sizeof(want), "open(0x%llx, O_RDONLY) = -1 EFAULT",
		 (unsigned long long)guest_limit + 16);
	line("open_beyond_limit", FBSD_SYS_open, guest_limit + 16, 0, 0, 0, 0, 0, FBSD_EFAULT, 0,
	     want);
	line("open_long_path", FBSD_SYS_open, longp, 0, 0, 0, 0, 0, 0, 3,
	     "open(\"/usr/local/share/very/long/path/\"..., O_RDONLY) = 3");
	line("mmap_anon", FBSD_SYS_mmap, 0, 65536, 3, 0x1002, (uint64_t)-1, 0, 0, 0x40000000,
	     "mmap(0x0, 65536, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANON, -1, 0x0) = 0x40000000");
	line("mmap_aligned", FBSD_SYS_mmap, 0x200000, 4096, 0x30001, 0x15000000 | 0x4010 | 0x2, 3,
	     0x1000, FBSD_EINVAL, 0,
	     "mmap(0x200000, 4096, PROT_READ|PROT_MAX(PROT_READ|PROT_WRITE), "
	     "MAP_PRIVATE|MAP_FIXED|MAP_EXCL|MAP_ALIGNED(21), 3, 0x1000) = -1 EINVAL");
	line("mmap_aligned_super", FBSD_SYS_mmap, 0, 4096, 0, 0x1001000 | 0x2000, (uint64_t)-1, 0,
	     0, 0x7000, "mmap(0x0, 4096, PROT_NONE, MAP_ANON|MAP_GUARD|MAP_ALIGNED_SUPER, -1, 0x0)"
	     " = 0x7000");
	line("write_escapes", FBSD_SYS_write, 1, esc, 10, 0, 0, 0, 0, 10,
	     "write(1, \"hi\\t\\\"x\\\"\\n\\x01\\xff\\\\\", 10) = 10");
	line("read_cut", FBSD_SYS_read, 3, text, 4096, 0, 0, 0, 0, 34,
	     "read(3, \"127.0.0.1 localhost\\n::1 localhos\"..., 4096) = 34");
	snprintf(want, sizeof(want), "read(3, 0x%llx, 4096) = -1 EBADF", (unsigned long long)text);
	line("read_error_no_data", FBSD_SYS_read, 3, text, 4096, 0, 0, 0, FBSD_EBADF, 0, want);
	line("fstat", FBSD_SYS_fstat, 1, stp, 0, 0, 0, 0, 0, 0,
	     "fstat(1, {st_mode=S_IFCHR|0620, st_size=0, ...}) = 0");
	line("fstatat", FBSD_SYS_fstatat, (uint64_t)-100, hosts, stp, 0x200, 0, 0, 0, 0,
	     "fstatat(AT_FDCWD, \"/etc/hosts\", {st_mode=S_IFCHR|0620, st_size=0, ...}, "
	     "AT_SYMLINK_NOFOLLOW) = 0");
	line("clock_gettime", FBSD_SYS_clock_gettime, 4, tsp, 0, 0, 0, 0, 0, 0,
	     "clock_gettime(CLOCK_MONOTONIC, {tv_sec=12, tv_nsec=345}) = 0");
	line("nanosleep_null", FBSD_SYS_nanosleep, tsp, 0, 0, 0, 0, 0, FBSD_EINTR, 0,
	     "nanosleep({tv_sec=12, tv_nsec=345}, NULL) = -1 EINTR");
	line("sigprocmask", FBSD_SYS_sigprocmask, 1, setp, 0, 0, 0, 0, 0, 0,
	     "sigprocmask(SIG_BLOCK, [SIGINT SIGTERM], NULL) = 0");
	line("kill", FBSD_SYS_kill, 42, 30, 0, 0, 0, 0, FBSD_ESRCH, 0,
	     "kill(42, SIGUSR1) = -1 ESRCH");
	line("ioctl_tiocgeta", FBSD_SYS_ioctl, 0, 0x402c7413, 0x1000, 0, 0, 0, FBSD_ENOTTY, 0,
	     "ioctl(0, TIOCGETA, 0x1000) = -1 ENOTTY");
	line("ioctl_unknown", FBSD_SYS_ioctl, 0, 0xc0de1234, 0x1000, 0, 0, 0, FBSD_ENOTTY, 0,
	     "ioctl(0, 0xc0de1234, 0x1000) = -1 ENOTTY");
	line("fcntl_setfd", FBSD_SYS_fcntl, 3, 2, 1, 0, 0, 0, 0, 0,
	     "fcntl(3, F_SETFD, FD_CLOEXEC) = 0");
	line("fcntl_getfl", FBSD_SYS_fcntl, 3, 3, 0, 0, 0, 0, 0, 0x100002,
	     "fcntl(3, F_GETFL) = 1048578");
	line("lseek", FBSD_SYS_lseek, 3, (uint64_t)-10, 2, 0, 0, 0, 0, 240,
	     "lseek(3, -10, SEEK_END) = 240");
	line("mprotect", FBSD_SYS_mprotect, 0x10000, 4096, 5, 0, 0, 0, 0, 0,
	     "mprotect(0x10000, 4096, PROT_READ|PROT_EXEC) = 0");
	line("madvise", FBSD_SYS_madvise, 0x10000, 4096, 5, 0, 0, 0, 0, 0,
	     "madvise(0x10000, 4096, MADV_FREE) = 0");
	line("unknown_nr", 9999, 1, 2, 3, 4, 5, 6, FBSD_ENOSYS, 0,
	     "syscall#9999(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS");
	line("getpid", FBSD_SYS_getpid, 0, 0, 0, 0, 0, 0, 0, 1234, "getpid() = 1234");
}

/* A call to be restarted has written nothing: its buffer shows as an address. */
static void test_erestart(void)
{
	uint64_t args[8] = { 0, 0x1234, 10 };
	uint64_t rv[2] = { 0, 0 };
	char buf[256];
	const char *want = "read(0, 0x1234, 10) = ? ERESTART";

	fbsd_strace_format(buf, sizeof(buf), FBSD_SYS_read, args, FBSD_ERESTART, rv, 0);
	check("erestart_exact", !strcmp(buf, want), buf, want);
}

static void test_log_lines(void)
{
	char path[] = "/tmp/test_strace_XXXXXX";
	int fd = mkstemp(path);
	struct fbsd_thread *td = calloc(1, sizeof(*td));
	uint64_t args[8] = { 7 };
	uint64_t wargs[8] = { 1, gstr("hello\n"), 6 };
	uint64_t rv[2] = { 6, 0 };
	char got[512] = "";
	const char *want = "100001 write(1, \"hello\\n\", 6) = 6\n100001 exit(7)\n";
	FILE *f;
	size_t n;

	if (fd < 0 || !td || log_open(path)) {
		check("log_lines", 0, "setup failed", want);
		return;
	}
	td->tid = 100001;
	fbsd_strace_call(td, FBSD_SYS_write, wargs, 0, rv);
	fbsd_strace_noreturn(td, FBSD_SYS_exit, args);
	fflush(log_file());
	f = fopen(path, "r");
	n = f ? fread(got, 1, sizeof(got) - 1, f) : 0;
	got[n] = 0;
	if (f)
		fclose(f);
	check("log_lines", !strcmp(got, want), got, want);
	close(fd);
	unlink(path);
	free(td);
}

static void test_table(void)
{
	const struct fbsd_sysent *t = fbsd_sysent;
	int ok;

	ok = !strcmp(t[3].name, "read") && t[3].nargs == 3 && t[3].type == FBSD_SYT_STD &&
	     t[3].args[0].kind == FBSD_ARG_FD && t[3].args[1].kind == FBSD_ARG_BUF_OUT &&
	     t[3].args[1].size_arg == 2;
	check("table_read", ok, t[3].name, "read/3");
	ok = !strcmp(t[477].name, "mmap") && t[477].nargs == 6 &&
	     (t[477].flags & FBSD_SYF_RETPTR) && !strcmp(t[477].args[5].type, "off_t");
	check("table_mmap", ok, t[477].name, "mmap/6");
	ok = !strcmp(t[552].name, "fstatat") && t[552].nargs == 4 &&
	     t[552].args[2].kind == FBSD_ARG_STRUCT_OUT &&
	     !strcmp(t[552].args[2].type, "struct stat *");
	check("table_fstatat", ok, t[552].name, "fstatat/4");
	ok = t[0].type == FBSD_SYT_SYSMUX && t[198].type == FBSD_SYT_SYSMUX &&
	     !t[0].call && !t[198].call;
	check("table_sysmux", ok, "", "0 and 198 SYSMUX");
	ok = t[599].type == FBSD_SYT_UNIMPL && !t[599].call && !strcmp(t[599].name, "kexec_load");
	check("table_unimpl", ok, t[599].name, "kexec_load UNIMPL, no call");
	ok = t[11].type == FBSD_SYT_OBSOL && !strcmp(t[11].name, "execv") && !t[11].call;
	check("table_obsol", ok, t[11].name, "execv OBSOL");
	ok = t[91].type == FBSD_SYT_RESERVED && !strcmp(t[91].name, "#91");
	check("table_reserved", ok, t[91].name, "#91");
	ok = (t[1].flags & FBSD_SYF_NORETURN) && !strcmp(t[1].name, "exit") &&
	     (t[431].flags & FBSD_SYF_NORETURN) && !(t[3].flags & FBSD_SYF_NORETURN);
	check("table_noreturn", ok, t[1].name, "exit, thr_exit NORETURN");
	ok = FBSD_SYS_freebsd11_stat == 188 && t[188].type == FBSD_SYT_COMPAT &&
	     FBSD_SYS_ocreat == 8 && FBSD_SYS_MAXSYSCALL == 603 && FBSD_SYS_exit == 1;
	check("table_compat_names", ok, t[188].name, "freebsd11_stat 188");
	ok = sizeof(struct fbsd_mmap_args) == 48 &&
	     __builtin_offsetof(struct fbsd_mmap_args, pos) == 40 &&
	     __builtin_offsetof(struct fbsd_openat_args, mode) == 24;
	check("table_arg_layout", ok, "", "mmap pos @40, openat mode @24");
}

static void test_report(void)
{
	FILE *f = tmpfile();
	char buf[4096];
	size_t n;
	char *r3, *r4;
	int ok;

	for (int i = 0; i < 5; i++)
		fbsd_report_count(FBSD_SYS_read, i == 0 ? FBSD_EINTR : 0);
	for (int i = 0; i < 9; i++)
		fbsd_report_count(FBSD_SYS_write, 0);
	fbsd_report_count(599, FBSD_ENOSYS);
	fbsd_report_count(70000, FBSD_ENOSYS);
	if (!f) {
		check("report", 0, "tmpfile failed", "");
		return;
	}
	fbsd_report_write(f);
	rewind(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = 0;
	fclose(f);
	r3 = strstr(buf, "read");
	r4 = strstr(buf, "write");
	ok = r3 && r4 && r4 < r3 &&   /* write (9) before read (5) */
	     strstr(buf, "kexec_load") && strstr(buf, "UNIMPLEMENTED") &&
	     strstr(buf, "total: 16 calls, 3 errors, 4 distinct syscalls");
	check("report", ok, buf, "write, read, kexec_load UNIMPLEMENTED, total 16/3");
	/* read's row: 5 calls, 1 error, implemented or not per the table. */
	ok = r3 && strstr(r3, "5") && strstr(r3, "1");
	check("report_row", ok, r3 ? r3 : buf, "read 5 1");
}

int main(void)
{
	if (mem_init() || mem_find_free(0, 4 * GUEST_PAGE_SIZE, GUEST_PAGE_SIZE, &area) ||
	    mem_map_fixed(area, GUEST_PAGE_SIZE, GPROT_READ | GPROT_WRITE, GMAP_ANON, -1, 0)) {
		printf("FAIL setup: guest memory\n");
		return 1;
	}
	test_table();
	test_lines();
	test_erestart();
	test_log_lines();
	test_report();
	return failures ? 1 : 0;
}
