// EXPECT-STDOUT: ^sysctl_proc done$
// TIMEOUT: 30
/* kern.proc.pid / pid_td / proc / all (struct kinfo_proc, 1088 bytes),
 * kern.proc.cwd (struct kinfo_file) and kern.proc.vmmap (packed struct
 * kinfo_vmentry): this process, its threads, a forked child, a missing
 * pid, size probes and short buffers.  Offsets are FreeBSD arm64's
 * (sys/sys/user.h), written out here independently of bsdemu's structs. */
#include "thr_util.h"

typedef unsigned long size_t_;

#define KP_SIZE 1088
#define KP_STRUCTSIZE 0
#define KP_PID 72
#define KP_PPID 76
#define KP_PGID 80
#define KP_SID 88
#define KP_UID 168
#define KP_RUID 172
#define KP_NGROUPS 188
#define KP_SIZE_FIELD 256
#define KP_START 336
#define KP_FLAG 368
#define KP_STAT 388
#define KP_COMM 447
#define KP_EMUL 467
#define KP_NUMTHREADS 596
#define KP_TID 600
#define SRUN 2
#define SSLEEP 3
#define P_INMEM 0x10000000

#define KF_SIZE 1392
#define KF_PATH 368
#define KVE_PATH 136

static long sysctl(const int *mib, unsigned n, void *old, size_t_ *oldlen)
{
	return sys(FBSD_SYS___sysctl, mib, n, old, oldlen, 0, 0);
}

static int i32(const unsigned char *p, int off)
{
	int v;
	memcpy(&v, p + off, sizeof(v));
	return v;
}

static long i64(const unsigned char *p, int off)
{
	long v;
	memcpy(&v, p + off, sizeof(v));
	return v;
}

static unsigned char buf[KP_SIZE * 64];
static char myname[64];

static long get_proc(int op, int pid, void *out, size_t_ *len)
{
	int mib[4] = { 1, 14, op, pid };
	return sysctl(mib, 4, out, len);
}

static long sleep_word;

static void sleeper(void *arg)
{
	while (__atomic_load_n(&sleep_word, __ATOMIC_ACQUIRE) == 0)
		umtx(&sleep_word, UMTX_OP_WAIT, 0, 0, 0);
}

static void check_self(int pid, int nthreads)
{
	size_t_ len = 0;

	CHECK_EQ(get_proc(1, pid, 0, &len), 0);
	CHECK_EQ(len, KP_SIZE);
	len = sizeof(buf);
	memset(buf, 0xaa, sizeof(buf));
	CHECK_EQ(get_proc(1, pid, buf, &len), 0);
	CHECK_EQ(len, KP_SIZE);
	CHECK_EQ(i32(buf, KP_STRUCTSIZE), KP_SIZE);
	CHECK_EQ(i32(buf, KP_PID), pid);
	CHECK_EQ(i32(buf, KP_PPID), sys(FBSD_SYS_getppid));
	CHECK_EQ(i32(buf, KP_PGID), sys(FBSD_SYS_getpgrp));
	CHECK_EQ(i32(buf, KP_SID), sys(FBSD_SYS_getsid, 0));
	CHECK_EQ(i32(buf, KP_UID), sys(FBSD_SYS_geteuid));
	CHECK_EQ(i32(buf, KP_RUID), sys(FBSD_SYS_getuid));
	CHECK(*(short *)(buf + KP_NGROUPS) >= 1);
	CHECK(i64(buf, KP_SIZE_FIELD) > 0);
	CHECK(i64(buf, KP_START) > 1500000000);
	CHECK(i64(buf, KP_FLAG) & P_INMEM);
	CHECK_EQ(buf[KP_STAT], SRUN);
	CHECK_EQ(strcmp((char *)buf + KP_COMM, myname), 0);
	CHECK_EQ(strcmp((char *)buf + KP_EMUL, "FreeBSD ELF64"), 0);
	CHECK_EQ(i32(buf, KP_NUMTHREADS), nthreads);
	CHECK_EQ(i32(buf, KP_TID), 100000 + sys(FBSD_SYS_getpid));
}

int main(int argc, char **argv, char **envp)
{
	int pid = (int)sys(FBSD_SYS_getpid), mib[4], fds[2];
	const char *b = 0;
	char cwd[1024], st;
	size_t_ len;
	struct thr t;
	long child, tid2;
	int n, found;

	for (const char *q = argv[0]; *q; q++)
		if (*q == '/')
			b = q;
	t_snprintf(myname, sizeof(myname), "%.19s", b ? b + 1 : argv[0]);

	/* ---- this process ---- */
	check_self(pid, 1);
	/* by name: kern.proc.pid resolves to {1, 14, 1} */
	{
		int q[2] = { 0, 3 }, oid[24];
		size_t_ l = sizeof(oid);
		CHECK_EQ(sys(FBSD_SYS___sysctl, q, 2, oid, &l, "kern.proc.pid", 13), 0);
		CHECK_EQ(l, 3 * sizeof(int));
		CHECK(oid[0] == 1 && oid[1] == 14 && oid[2] == 1);
	}
	/* short buffer: ENOMEM with what fits */
	len = 100;
	CHECK_ERR(get_proc(1, pid, buf, &len), FBSD_ENOMEM);
	CHECK_EQ(len, 100);
	/* missing pid, bad name lengths */
	len = sizeof(buf);
	CHECK_ERR(get_proc(1, 99999999, buf, &len), FBSD_ESRCH);
	len = sizeof(buf);
	CHECK_ERR(get_proc(1, -5, buf, &len), FBSD_ESRCH);
	mib[0] = 1; mib[1] = 14; mib[2] = 1;
	len = sizeof(buf);
	CHECK_ERR(sysctl(mib, 3, buf, &len), FBSD_EINVAL);

	/* ---- a second thread ---- */
	CHECK_EQ(thr_start(&t, sleeper, 0), 0);
	tid2 = t.tid;
	CHECK(tid2 > 100000 && tid2 != 100000 + sys(FBSD_SYS_getpid));
	check_self(pid, 2);
	/* pid_td: one record per thread */
	len = 0;
	CHECK_EQ(get_proc(0x11, pid, 0, &len), 0);
	CHECK_EQ(len, 2 * KP_SIZE);
	len = sizeof(buf);
	CHECK_EQ(get_proc(0x11, pid, buf, &len), 0);
	CHECK_EQ(len, 2 * KP_SIZE);
	CHECK_EQ(i32(buf, KP_TID), 100000 + sys(FBSD_SYS_getpid));
	CHECK_EQ(i32(buf + KP_SIZE, KP_TID), tid2);
	CHECK_EQ(i32(buf + KP_SIZE, KP_PID), pid);
	CHECK_EQ(i32(buf + KP_SIZE, KP_NUMTHREADS), 2);
	__atomic_store_n(&sleep_word, 1, __ATOMIC_RELEASE);
	umtx(&sleep_word, UMTX_OP_WAKE, 1, 0, 0);
	thr_join(&t);
	thr_wait_gone(tid2);

	/* ---- kern.proc.proc: every process, ours among them ---- */
	{
		static unsigned char all[KP_SIZE * 4096];
		int m[3] = { 1, 14, 8 };
		len = 0;
		CHECK_EQ(sysctl(m, 3, 0, &len), 0);
		CHECK(len >= 6 * KP_SIZE && len % KP_SIZE == 0);
		len = sizeof(all);
		CHECK_EQ(sysctl(m, 3, all, &len), 0);
		CHECK(len > 0 && len % KP_SIZE == 0);
		found = 0;
		for (size_t_ o = 0; o < len; o += KP_SIZE) {
			CHECK_EQ(i32(all + o, KP_STRUCTSIZE), KP_SIZE);
			if (i32(all + o, KP_PID) == pid) {
				found++;
				CHECK_EQ(strcmp((char *)all + o + KP_COMM, myname), 0);
			}
		}
		CHECK_EQ(found, 1);
		/* kern.proc.uid.<euid> includes us too */
		int mu[4] = { 1, 14, 5, (int)sys(FBSD_SYS_geteuid) };
		len = sizeof(all);
		CHECK_EQ(sysctl(mu, 4, all, &len), 0);
		found = 0;
		for (size_t_ o = 0; o < len; o += KP_SIZE) {
			CHECK_EQ(i32(all + o, KP_UID), mu[3]);
			found += i32(all + o, KP_PID) == pid;
		}
		CHECK_EQ(found, 1);
	}

	/* ---- a forked child, blocked reading a pipe ---- */
	CHECK_EQ(sys(FBSD_SYS_pipe2, fds, 0), 0);
	child = sys(FBSD_SYS_fork);
	CHECK(child >= 0);
	if (child == 0) {
		sys(FBSD_SYS_close, fds[1]);
		sys(FBSD_SYS_read, fds[0], &st, 1);
		sys(FBSD_SYS_exit, 0);
	}
	sys(FBSD_SYS_close, fds[0]);
	len = sizeof(buf);
	CHECK_EQ(get_proc(1, (int)child, buf, &len), 0);
	CHECK_EQ(len, KP_SIZE);
	CHECK_EQ(i32(buf, KP_STRUCTSIZE), KP_SIZE);
	CHECK_EQ(i32(buf, KP_PID), child);
	CHECK_EQ(i32(buf, KP_PPID), pid);
	CHECK_EQ(i32(buf, KP_PGID), sys(FBSD_SYS_getpgrp));
	CHECK_EQ(strcmp((char *)buf + KP_COMM, myname), 0);
	CHECK(buf[KP_STAT] == SSLEEP || buf[KP_STAT] == SRUN);
	CHECK(i32(buf, KP_NUMTHREADS) >= 1);
	CHECK(i64(buf, KP_START) > 1500000000);
	/* its cwd is ours */
	CHECK(sys(FBSD_SYS___getcwd, cwd, sizeof(cwd)) == 0);
	mib[0] = 1; mib[1] = 14; mib[2] = 42; mib[3] = (int)child;
	len = sizeof(buf);
	CHECK_EQ(sysctl(mib, 4, buf, &len), 0);
	CHECK_EQ(len, KF_SIZE);
	CHECK_EQ(strcmp((char *)buf + KF_PATH, cwd), 0);
	sys(FBSD_SYS_close, fds[1]);
	{
		int status = -1;
		CHECK_EQ(sys(FBSD_SYS_wait4, child, &status, 0, 0), child);
		CHECK_EQ(status, 0);
	}
	/* gone: ESRCH */
	len = sizeof(buf);
	CHECK_ERR(get_proc(1, (int)child, buf, &len), FBSD_ESRCH);

	/* ---- kern.proc.cwd of this process ---- */
	mib[3] = pid;
	len = 0;
	CHECK_EQ(sysctl(mib, 4, 0, &len), 0);
	CHECK_EQ(len, KF_SIZE);
	len = sizeof(buf);
	CHECK_EQ(sysctl(mib, 4, buf, &len), 0);
	CHECK_EQ(i32(buf, 0), KF_SIZE);         /* kf_structsize */
	CHECK_EQ(i32(buf, 4), 1);               /* KF_TYPE_VNODE */
	CHECK_EQ(i32(buf, 8), -1);              /* KF_FD_TYPE_CWD */
	CHECK_EQ(i32(buf, 32), 2);              /* kf_file_type VDIR */
	CHECK_EQ(strcmp((char *)buf + KF_PATH, cwd), 0);
	mib[3] = 99999999;
	len = sizeof(buf);
	CHECK_ERR(sysctl(mib, 4, buf, &len), FBSD_ESRCH);

	/* ---- kern.proc.vmmap of this process ---- */
	{
		static unsigned char vm[1160 * 512];
		unsigned long text = (unsigned long)&main, data = (unsigned long)&sleep_word;
		int text_ok = 0, data_ok = 0;
		mib[2] = 32; mib[3] = pid;
		len = 0;
		CHECK_EQ(sysctl(mib, 4, 0, &len), 0);
		CHECK(len > 0);
		len = sizeof(vm);
		CHECK_EQ(sysctl(mib, 4, vm, &len), 0);
		n = 0;
		for (size_t_ o = 0; o < len; n++) {
			int sz = i32(vm + o, 0);
			unsigned long s = (unsigned long)i64(vm + o, 8);
			unsigned long e = (unsigned long)i64(vm + o, 16);
			int prot = i32(vm + o, 56), type = i32(vm + o, 4);
			const char *path = (const char *)vm + o + KVE_PATH;
			CHECK(sz >= KVE_PATH + 1 && sz % 8 == 0 && sz <= 1160);
			CHECK_EQ(sz, (int)((KVE_PATH + strlen(path) + 1 + 7) & ~7ul));
			CHECK(s < e);
			if (sz < KVE_PATH + 1 || sz % 8)
				break;
			if (text >= s && text < e) {
				text_ok = (prot & 5) == 5 && type == 2 && strstr(path, myname);
				if (!text_ok)
					t_printf("text %lx-%lx prot %d type %d path '%s'\n",
						 s, e, prot, type, path);
			}
			if (data >= s && data < e)
				data_ok = (prot & 3) == 3;
			o += (size_t_)sz;
		}
		CHECK(n > 3);
		CHECK(text_ok);
		CHECK(data_ok);
		mib[3] = 99999999;
		len = sizeof(vm);
		CHECK_ERR(sysctl(mib, 4, vm, &len), FBSD_ESRCH);
	}

	t_puts("sysctl_proc done");
	return 0;
}
