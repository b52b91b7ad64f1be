/* struct kinfo_proc and struct kinfo_vmentry (FreeBSD sys/sys/user.h,
 * LP64/arm64: KINFO_PROC_SIZE 1088, KINFO_VMENTRY_SIZE 1160) and the
 * procinfo.c calls that fill them from the host's /proc for kern.proc.*
 * (sysctl.c).  Offsets checked against the layouts of x/sys/unix's
 * ztypes_freebsd_arm64.go and the libc crate (freebsd14 kinfo_proc). */
#ifndef BSDEMU_FBSD_PROCINFO_H
#define BSDEMU_FBSD_PROCINFO_H

#include <stddef.h>
#include <stdint.h>

#include "os/freebsd/fbsd_proc_types.h"
#include "os/freebsd/thread.h"

#define FBSD_KI_NGROUPS 16
#define FBSD_COMMLEN 19
#define FBSD_TDNAMLEN 16
#define FBSD_KI_EMULNAMELEN 16

struct fbsd_kinfo_proc {
	int32_t ki_structsize;
	int32_t ki_layout;
	uint64_t ki_args, ki_paddr, ki_addr, ki_tracep, ki_textvp, ki_fd,
		ki_vmspace, ki_wchan;                    /* kernel pointers */
	int32_t ki_pid, ki_ppid, ki_pgid, ki_tpgid, ki_sid, ki_tsid;
	int16_t ki_jobc, ki_spare_short1;
	uint32_t ki_tdev_freebsd11;
	fbsd_sigset_t ki_siglist, ki_sigmask, ki_sigignore, ki_sigcatch;
	uint32_t ki_uid, ki_ruid, ki_svuid, ki_rgid, ki_svgid;
	int16_t ki_ngroups, ki_spare_short2;
	uint32_t ki_groups[FBSD_KI_NGROUPS];
	uint64_t ki_size;                               /* bytes */
	int64_t ki_rssize, ki_swrss, ki_tsize, ki_dsize, ki_ssize; /* pages */
	uint16_t ki_xstat, ki_acflag;
	uint32_t ki_pctcpu, ki_estcpu, ki_slptime, ki_swtime, ki_cow;
	uint64_t ki_runtime;                            /* usec */
	struct fbsd_timeval ki_start, ki_childtime;
	int64_t ki_flag, ki_kiflag;
	int32_t ki_traceflag;
	char ki_stat;
	int8_t ki_nice;
	char ki_lock, ki_rqindex;
	uint8_t ki_oncpu_old, ki_lastcpu_old;
	char ki_tdname[FBSD_TDNAMLEN + 1];
	char ki_wmesg[9];
	char ki_login[18];
	char ki_lockname[9];
	char ki_comm[FBSD_COMMLEN + 1];
	char ki_emul[FBSD_KI_EMULNAMELEN + 1];
	char ki_loginclass[18];
	char ki_moretdname[4];
	char ki_sparestrings[46];
	int32_t ki_spareints[2];
	uint64_t ki_tdev;
	int32_t ki_oncpu, ki_lastcpu, ki_tracer, ki_flag2, ki_fibnum;
	uint32_t ki_cr_flags;
	int32_t ki_jid, ki_numthreads, ki_tid;
	uint8_t ki_pri_class, ki_pri_level, ki_pri_native, ki_pri_user;
	struct fbsd_rusage ki_rusage, ki_rusage_ch;
	uint64_t ki_pcb, ki_kstack, ki_udata, ki_tdaddr, ki_pd;
	uint64_t ki_spareptrs[5];
	int64_t ki_sparelongs[12];
	int64_t ki_sflag, ki_tdflags;
};
FBSD_CHECK_SIZE(struct fbsd_kinfo_proc, 1088);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_pid, 72);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_tdev_freebsd11, 100);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_siglist, 104);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_uid, 168);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_ngroups, 188);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_groups, 192);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_size, 256);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_xstat, 304);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_runtime, 328);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_start, 336);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_flag, 368);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_stat, 388);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_tdname, 394);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_comm, 447);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_emul, 467);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_moretdname, 502);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_spareints, 552);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_tdev, 560);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_jid, 592);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_numthreads, 596);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_tid, 600);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_pri_class, 604);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_rusage, 608);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_rusage_ch, 752);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_pcb, 896);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_spareptrs, 936);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_sparelongs, 976);
FBSD_CHECK_OFF(struct fbsd_kinfo_proc, ki_sflag, 1072);

/* ki_stat */
#define FBSD_SIDL   1
#define FBSD_SRUN   2
#define FBSD_SSLEEP 3
#define FBSD_SSTOP  4
#define FBSD_SZOMB  5
/* ki_flag (P_*) and ki_kiflag (KI_*) */
#define FBSD_P_CONTROLT   0x00000002
#define FBSD_P_HADTHREADS 0x00000080
#define FBSD_P_EXEC       0x00004000
#define FBSD_P_INMEM      0x10000000
#define FBSD_KI_CTTY       0x00000001
#define FBSD_KI_SESSLEADER 0x00000002
#define FBSD_PRI_TIMESHARE 3
#define FBSD_NODEV ((uint64_t)-1)

struct fbsd_kinfo_vmentry {
	int32_t kve_structsize;
	int32_t kve_type;
	uint64_t kve_start, kve_end, kve_offset, kve_vn_fileid;
	uint32_t kve_vn_fsid_freebsd11;
	int32_t kve_flags, kve_resident, kve_private_resident, kve_protection,
		kve_ref_count, kve_shadow_count, kve_vn_type;
	uint64_t kve_vn_size;
	uint32_t kve_vn_rdev_freebsd11;
	uint16_t kve_vn_mode, kve_status;
	uint64_t kve_vn_fsid, kve_vn_rdev;
	int32_t _kve_ispare[8];
	char kve_path[1024];
};
FBSD_CHECK_SIZE(struct fbsd_kinfo_vmentry, 1160);
FBSD_CHECK_OFF(struct fbsd_kinfo_vmentry, kve_vn_fsid_freebsd11, 40);
FBSD_CHECK_OFF(struct fbsd_kinfo_vmentry, kve_protection, 56);
FBSD_CHECK_OFF(struct fbsd_kinfo_vmentry, kve_vn_size, 72);
FBSD_CHECK_OFF(struct fbsd_kinfo_vmentry, kve_vn_mode, 84);
FBSD_CHECK_OFF(struct fbsd_kinfo_vmentry, kve_vn_fsid, 88);
FBSD_CHECK_OFF(struct fbsd_kinfo_vmentry, kve_path, 136);
#define FBSD_KVME_TYPE_DEFAULT 1
#define FBSD_KVME_TYPE_VNODE   2
#define FBSD_KVME_TYPE_GUARD   8
#define FBSD_KVME_PROT_READ  1
#define FBSD_KVME_PROT_WRITE 2
#define FBSD_KVME_PROT_EXEC  4
#define FBSD_KVME_FLAG_COW        0x01
#define FBSD_KVME_FLAG_NOCOREDUMP 0x04
#define FBSD_KVME_FLAG_GROWS_DOWN 0x20

/* PID's kinfo_proc from /proc/PID/{stat,status} (any process, ours too:
 * sysctl.c then corrects what only bsdemu knows).  ki_tid = PID.
 * 0, or FBSD_ESRCH / FBSD_EPERM. */
int fbsd_procinfo_kproc(int pid, struct fbsd_kinfo_proc *kp);
/* The host's pids (*N of them, malloc'ed *PIDS), or FreeBSD errno. */
int fbsd_procinfo_pids(int **pids, int *n);
/* The host tids of PID's threads. */
int fbsd_procinfo_tids(int pid, int **tids, int *n);
/* PID's working directory as its guest sees it, malloc'ed. */
int fbsd_procinfo_cwd(int pid, char **out);
/* The host's file path of the host mapping containing host address ADDR
 * (from /proc/self/maps), copied into BUF (empty when anonymous). */
void fbsd_procinfo_map_path(uintptr_t addr, char *buf, size_t cap);

#endif
