/* __sysctl(202) and __sysctlbyname(570).
 *
 * Every node the guest can see is one row of `nodes` below: full name,
 * OID path, CTLTYPE/CTLFLAG kind, format string, and where its value comes
 * from.  Lookup, the internal {0, x} nodes (name, next, name2oid, oidfmt)
 * and the request semantics follow FreeBSD's kern_sysctl.c:
 *   - old NULL: *oldlenp gets the size; old too small: what fits is
 *     copied, *oldlenp = bytes copied, ENOMEM (sysctlbyname leaves
 *     *oldlenp alone on any error, as FreeBSD's does);
 *   - unknown OID: ENOENT; more components after a leaf: ENOTDIR; a node
 *     without handler: EISDIR; namelen < 2 or > 24: EINVAL;
 *   - any new value (new != NULL) for a read-only node: EPERM; the few
 *     writable FreeBSD nodes here (hostname, securelevel, ...) need
 *     privilege there and are refused with EPERM too: the guest does not
 *     reconfigure the host.  Only name2oid and kern.proc.args (own
 *     process) take input.
 * OID_AUTO nodes get numbers from 0x100 up, as FreeBSD's do; programs
 * resolve them by name.  The user.* nodes are the kernel's placeholders
 * ("" and 0): FreeBSD's libc answers CTL_USER itself.  net.routetable's
 * routing messages (interface lists) are built by sysctl_net.c. */
#include "os/freebsd/sysctl.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <unistd.h>

#include "emu.h"
#include "loader/loader.h"
#include "mem/mem.h"
#include "os/freebsd/fbsd_proc_types.h"
#include "os/freebsd/fbsd_types.h"
#include "os/freebsd/process.h"
#include "os/freebsd/procinfo.h"
#include "os/freebsd/syscall.h"

#define CTL_MAXNAME 24
#define FBSD_MAXHOSTNAMELEN 256
#define DEFAULT_RELEASE "14.3-RELEASE"

/* sys/sys/sysctl.h */
#define CTLTYPE 0xf
#define CTLTYPE_NODE 1
#define CTLTYPE_INT 2
#define CTLTYPE_STRING 3
#define CTLTYPE_S64 4
#define CTLTYPE_OPAQUE 5
#define CTLTYPE_UINT 6
#define CTLTYPE_LONG 7
#define CTLTYPE_ULONG 8
#define CTLTYPE_U64 9
#define CTLFLAG_RD 0x80000000u
#define CTLFLAG_WR 0x40000000u
#define CTLFLAG_RW (CTLFLAG_RD | CTLFLAG_WR)
#define CTLFLAG_ANYBODY 0x10000000u

#define AUTO(n) (0x100 + (n))   /* CTL_AUTO_START */

/* One request (struct sysctl_req). */
struct req {
	gaddr_t oldptr;
	uint64_t oldlen;        /* validlen: room at oldptr */
	uint64_t oldidx;        /* bytes produced so far (may exceed oldlen) */
	gaddr_t newptr;
	uint64_t newlen, newidx;
};

struct node;
/* name/namelen: the components after the node's own OID (handler nodes). */
typedef int (*handler_t)(struct req *, const struct node *, const int *name,
			 unsigned namelen);

struct node {
	const char *name;
	int oid[4];
	uint32_t kind;
	const char *fmt;
	handler_t handler;      /* NULL: plain node, or a leaf shown by type */
	int64_t val;            /* constant number */
	const char *str;        /* constant string */
	int64_t (*num)(void);   /* computed number */
	void (*text)(char *, size_t); /* computed string */
};

/* ---- values ---- */

static uint64_t usrstack_addr, ps_strings_addr;
static char *proc_args;         /* kern.proc.args set by the guest */
static size_t proc_args_len;
static pthread_mutex_t args_lock = PTHREAD_MUTEX_INITIALIZER;

void fbsd_sysctl_set_stack(uint64_t usrstack, uint64_t ps_strings)
{
	usrstack_addr = usrstack;
	ps_strings_addr = ps_strings;
}

int fbsd_sysctl_ncpu(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n > 0 ? (int)n : 1;
}

static int64_t v_ncpu(void) { return fbsd_sysctl_ncpu(); }
static int64_t v_osreldate(void) { return emu.osreldate ? emu.osreldate : 1403000; }
static int64_t v_usrstack(void) { return (int64_t)usrstack_addr; }
static int64_t v_ps_strings(void) { return (int64_t)ps_strings_addr; }

static uint64_t mem_total(void)
{
	struct sysinfo si;

	if (sysinfo(&si) < 0)
		return 0;
	return (uint64_t)si.totalram * si.mem_unit;
}

/* physmem, realmem and usermem are all the host's RAM: Linux does not
 * tell firmware-reserved or wired memory apart the way FreeBSD does. */
static int64_t v_physmem(void) { return (int64_t)mem_total(); }
static int64_t v_availpages(void) { return (int64_t)(mem_total() / 4096); }

static const char *osrelease(void)
{
	return emu.osrelease ? emu.osrelease : DEFAULT_RELEASE;
}

static void t_osrelease(char *b, size_t n) { snprintf(b, n, "%s", osrelease()); }

static void t_version(char *b, size_t n)
{
	snprintf(b, n, "FreeBSD %s bsdemu-%s GENERIC\n", osrelease(), BSDEMU_VERSION);
}

static void t_hostname(char *b, size_t n)
{
	if (gethostname(b, n) < 0)
		b[0] = 0;
	b[n - 1] = 0;
}

/* ---- request I/O (sysctl_old_user / sysctl_new_user) ---- */

static int req_out(struct req *r, const void *p, size_t l)
{
	uint64_t orig = r->oldidx, i = l;

	r->oldidx += l;
	if (!r->oldptr)
		return 0;
	if (r->oldlen <= orig)
		i = 0;
	else if (i > r->oldlen - orig)
		i = r->oldlen - orig;
	if (i && copy_to_guest(r->oldptr + orig, p, i) < 0)
		return FBSD_EFAULT;
	return i < l ? FBSD_ENOMEM : 0;
}

static int req_in(struct req *r, void *p, size_t l)
{
	if (!r->newptr)
		return 0;
	if (r->newlen - r->newidx < l)
		return FBSD_EINVAL;
	if (copy_from_guest(p, r->newptr + r->newidx, l) < 0)
		return FBSD_EFAULT;
	r->newidx += l;
	return 0;
}

/* ---- handlers ---- */

static int h_sysctl_name(struct req *, const struct node *, const int *, unsigned);
static int h_sysctl_next(struct req *, const struct node *, const int *, unsigned);
static int h_sysctl_name2oid(struct req *, const struct node *, const int *, unsigned);
static int h_sysctl_oidfmt(struct req *, const struct node *, const int *, unsigned);
static int h_sysctl_nodescr(struct req *, const struct node *, const int *, unsigned);
static int h_arandom(struct req *, const struct node *, const int *, unsigned);
static int h_boottime(struct req *, const struct node *, const int *, unsigned);
static int h_pagesizes(struct req *, const struct node *, const int *, unsigned);
static int h_proc_pathname(struct req *, const struct node *, const int *, unsigned);
static int h_proc_args(struct req *, const struct node *, const int *, unsigned);
static int h_proc(struct req *, const struct node *, const int *, unsigned);
static int h_proc_cwd(struct req *, const struct node *, const int *, unsigned);
static int h_proc_vmmap(struct req *, const struct node *, const int *, unsigned);
static int h_rtsock(struct req *, const struct node *, const int *, unsigned);

#define NODE(nm, ...) { .name = nm, .oid = { __VA_ARGS__ }, .kind = CTLTYPE_NODE | CTLFLAG_RW, .fmt = "N" }
#define HNODE(nm, k, h, ...) { .name = nm, .oid = { __VA_ARGS__ }, .kind = CTLTYPE_NODE | (k), .fmt = "", .handler = h }
#define INT(nm, k, v, ...) { .name = nm, .oid = { __VA_ARGS__ }, .kind = CTLTYPE_INT | (k), .fmt = "I", .val = v }
#define INTF(nm, f, ...) { .name = nm, .oid = { __VA_ARGS__ }, .kind = CTLTYPE_INT | CTLFLAG_RD, .fmt = "I", .num = f }
#define ULONGF(nm, f, ...) { .name = nm, .oid = { __VA_ARGS__ }, .kind = CTLTYPE_ULONG | CTLFLAG_RD, .fmt = "LU", .num = f }
#define ULONG(nm, v, ...) { .name = nm, .oid = { __VA_ARGS__ }, .kind = CTLTYPE_ULONG | CTLFLAG_RD, .fmt = "LU", .val = v }
#define STR(nm, k, s, ...) { .name = nm, .oid = { __VA_ARGS__ }, .kind = CTLTYPE_STRING | (k), .fmt = "A", .str = s }
#define STRF(nm, k, f, ...) { .name = nm, .oid = { __VA_ARGS__ }, .kind = CTLTYPE_STRING | (k), .fmt = "A", .text = f }
#define PROC(nm, type, fmtstr, h, ...) { .name = nm, .oid = { __VA_ARGS__ }, .kind = (type) | CTLFLAG_RD, .fmt = fmtstr, .handler = h }

static const struct node nodes[] = {
	NODE("sysctl", 0),
	HNODE("sysctl.name", CTLFLAG_RD, h_sysctl_name, 0, 1),
	HNODE("sysctl.next", CTLFLAG_RD, h_sysctl_next, 0, 2),
	{ .name = "sysctl.name2oid", .oid = { 0, 3 },
	  .kind = CTLTYPE_INT | CTLFLAG_RW | CTLFLAG_ANYBODY, .fmt = "I",
	  .handler = h_sysctl_name2oid },
	HNODE("sysctl.oidfmt", CTLFLAG_RD, h_sysctl_oidfmt, 0, 4),
	HNODE("sysctl.oiddescr", CTLFLAG_RD, h_sysctl_nodescr, 0, 5),
	HNODE("sysctl.oidlabel", CTLFLAG_RD, h_sysctl_nodescr, 0, 6),
	HNODE("sysctl.nextnoskip", CTLFLAG_RD, h_sysctl_next, 0, 7),

	NODE("kern", 1),
	STR("kern.ostype", CTLFLAG_RD, "FreeBSD", 1, 1),
	STRF("kern.osrelease", CTLFLAG_RD, t_osrelease, 1, 2),
	INT("kern.osrevision", CTLFLAG_RD, 199506, 1, 3),
	STRF("kern.version", CTLFLAG_RD, t_version, 1, 4),
	INT("kern.argmax", CTLFLAG_RD, FBSD_ARG_MAX, 1, 8),
	INT("kern.securelevel", CTLFLAG_RW, -1, 1, 9),
	STRF("kern.hostname", CTLFLAG_RW, t_hostname, 1, 10),
	NODE("kern.proc", 1, 14),
	PROC("kern.proc.all", CTLTYPE_OPAQUE, "S,proc", h_proc, 1, 14, 0),
	HNODE("kern.proc.pid", CTLFLAG_RD, h_proc, 1, 14, 1),
	HNODE("kern.proc.pgrp", CTLFLAG_RD, h_proc, 1, 14, 2),
	HNODE("kern.proc.session", CTLFLAG_RD, h_proc, 1, 14, 3),
	HNODE("kern.proc.tty", CTLFLAG_RD, h_proc, 1, 14, 4),
	HNODE("kern.proc.uid", CTLFLAG_RD, h_proc, 1, 14, 5),
	HNODE("kern.proc.ruid", CTLFLAG_RD, h_proc, 1, 14, 6),
	HNODE("kern.proc.proc", CTLFLAG_RD, h_proc, 1, 14, 8),
	HNODE("kern.proc.rgid", CTLFLAG_RD, h_proc, 1, 14, 10),
	HNODE("kern.proc.gid", CTLFLAG_RD, h_proc, 1, 14, 11),
	HNODE("kern.proc.pid_td", CTLFLAG_RD, h_proc, 1, 14, 0x11),
	HNODE("kern.proc.pgrp_td", CTLFLAG_RD, h_proc, 1, 14, 0x12),
	HNODE("kern.proc.session_td", CTLFLAG_RD, h_proc, 1, 14, 0x13),
	HNODE("kern.proc.tty_td", CTLFLAG_RD, h_proc, 1, 14, 0x14),
	HNODE("kern.proc.uid_td", CTLFLAG_RD, h_proc, 1, 14, 0x15),
	HNODE("kern.proc.ruid_td", CTLFLAG_RD, h_proc, 1, 14, 0x16),
	HNODE("kern.proc.proc_td", CTLFLAG_RD, h_proc, 1, 14, 0x18),
	HNODE("kern.proc.rgid_td", CTLFLAG_RD, h_proc, 1, 14, 0x1a),
	HNODE("kern.proc.gid_td", CTLFLAG_RD, h_proc, 1, 14, 0x1b),
	HNODE("kern.proc.vmmap", CTLFLAG_RD, h_proc_vmmap, 1, 14, 32),
	HNODE("kern.proc.cwd", CTLFLAG_RD, h_proc_cwd, 1, 14, 42),
	{ .name = "kern.proc.args", .oid = { 1, 14, 7 },
	  .kind = CTLTYPE_NODE | CTLFLAG_RW | CTLFLAG_ANYBODY, .fmt = "",
	  .handler = h_proc_args },
	HNODE("kern.proc.pathname", CTLFLAG_RD, h_proc_pathname, 1, 14, 12),
	INT("kern.posix1version", CTLFLAG_RD, 200809, 1, 17),
	INT("kern.ngroups", CTLFLAG_RD, 1023, 1, 18),     /* NGROUPS_MAX */
	INT("kern.job_control", CTLFLAG_RD, 1, 1, 19),
	PROC("kern.boottime", CTLTYPE_OPAQUE, "S,timeval", h_boottime, 1, 21),
	INTF("kern.osreldate", v_osreldate, 1, 24),
	STR("kern.bootfile", CTLFLAG_RW, "/boot/kernel/kernel", 1, 26),
	ULONGF("kern.ps_strings", v_ps_strings, 1, 32),
	ULONGF("kern.usrstack", v_usrstack, 1, 33),
	INT("kern.iov_max", CTLFLAG_RD, FBSD_IOV_MAX, 1, 35),
	PROC("kern.arandom", CTLTYPE_OPAQUE, "", h_arandom, 1, 37),
	ULONG("kern.maxphys", 1048576, 1, 38),               /* MAXPHYS, 64-bit */
	NODE("kern.smp", 1, AUTO(0)),
	INT("kern.smp.maxcpus", CTLFLAG_RD, FBSD_MAXCPU, 1, AUTO(0), AUTO(1)),
	INTF("kern.smp.cpus", v_ncpu, 1, AUTO(0), AUTO(2)),

	NODE("vm", 2),
	INT("vm.overcommit", CTLFLAG_RW, 0, 2, 12),

	NODE("net", 4),
	HNODE("net.routetable", CTLFLAG_RD, h_rtsock, 4, 17),   /* PF_ROUTE */

	NODE("hw", 6),
	STR("hw.machine", CTLFLAG_RD, "arm64", 6, 1),
	STR("hw.model", CTLFLAG_RD, "bsdemu virtual AArch64 CPU", 6, 2),
	INTF("hw.ncpu", v_ncpu, 6, 3),
	INT("hw.byteorder", CTLFLAG_RD, 1234, 6, 4),
	ULONGF("hw.physmem", v_physmem, 6, 5),
	ULONGF("hw.usermem", v_physmem, 6, 6),
	INT("hw.pagesize", CTLFLAG_RD, 4096, 6, 7),
	INT("hw.floatingpoint", CTLFLAG_RD, 1, 6, 10),
	STR("hw.machine_arch", CTLFLAG_RD, "aarch64", 6, 11),
	ULONGF("hw.realmem", v_physmem, 6, 12),
	PROC("hw.pagesizes", CTLTYPE_ULONG, "LU", h_pagesizes, 6, AUTO(3)),
	{ .name = "hw.availpages", .oid = { 6, AUTO(4) },
	  .kind = CTLTYPE_LONG | CTLFLAG_RD, .fmt = "L", .num = v_availpages },

	NODE("user", 8),
	STR("user.cs_path", CTLFLAG_RD, "", 8, 1),
	INT("user.bc_base_max", CTLFLAG_RD, 0, 8, 2),
	INT("user.bc_dim_max", CTLFLAG_RD, 0, 8, 3),
	INT("user.bc_scale_max", CTLFLAG_RD, 0, 8, 4),
	INT("user.bc_string_max", CTLFLAG_RD, 0, 8, 5),
	INT("user.coll_weights_max", CTLFLAG_RD, 0, 8, 6),
	INT("user.expr_nest_max", CTLFLAG_RD, 0, 8, 7),
	INT("user.line_max", CTLFLAG_RD, 0, 8, 8),
	INT("user.re_dup_max", CTLFLAG_RD, 0, 8, 9),
	INT("user.posix2_version", CTLFLAG_RD, 0, 8, 10),
	INT("user.posix2_c_bind", CTLFLAG_RD, 0, 8, 11),
	INT("user.posix2_c_dev", CTLFLAG_RD, 0, 8, 12),
	INT("user.posix2_char_term", CTLFLAG_RD, 0, 8, 13),
	INT("user.posix2_fort_dev", CTLFLAG_RD, 0, 8, 14),
	INT("user.posix2_fort_run", CTLFLAG_RD, 0, 8, 15),
	INT("user.posix2_localedef", CTLFLAG_RD, 0, 8, 16),
	INT("user.posix2_sw_dev", CTLFLAG_RD, 0, 8, 17),
	INT("user.posix2_upe", CTLFLAG_RD, 0, 8, 18),
	INT("user.stream_max", CTLFLAG_RD, 0, 8, 19),
	INT("user.tzname_max", CTLFLAG_RD, 0, 8, 20),

	NODE("security", AUTO(5)),
	NODE("security.jail", AUTO(5), AUTO(6)),
	INT("security.jail.jailed", CTLFLAG_RD, 0, AUTO(5), AUTO(6), AUTO(7)),
};

#define NNODES (sizeof(nodes) / sizeof(nodes[0]))

/* ---- the tree ---- */

static unsigned node_depth(const struct node *n)
{
	unsigned d = 1;

	for (const char *p = n->name; *p; p++)
		d += *p == '.';
	return d;
}

static const char *node_leafname(const struct node *n)
{
	const char *dot = strrchr(n->name, '.');

	return dot ? dot + 1 : n->name;
}

static bool is_plain_node(const struct node *n)
{
	return (n->kind & CTLTYPE) == CTLTYPE_NODE && !n->handler;
}

/* The child of prefix NAME[0..depth-2] numbered NAME[depth-1]. */
static const struct node *child_by_number(const int *name, unsigned depth)
{
	for (size_t i = 0; i < NNODES; i++)
		if (node_depth(&nodes[i]) == depth &&
		    !memcmp(nodes[i].oid, name, depth * sizeof(int)))
			return &nodes[i];
	return NULL;
}

/* The child of prefix OID[0..depth-2] called COMP (LEN bytes). */
static const struct node *child_by_name(const int *oid, unsigned depth,
					const char *comp, size_t len)
{
	for (size_t i = 0; i < NNODES; i++) {
		const struct node *n = &nodes[i];
		const char *leaf = node_leafname(n);

		if (node_depth(n) == depth && strlen(leaf) == len &&
		    !memcmp(leaf, comp, len) &&
		    !memcmp(n->oid, oid, (depth - 1) * sizeof(int)))
			return n;
	}
	return NULL;
}

/* sysctl_find_oid(): *consumed = OID components that name the node. */
static int find_oid(const int *name, unsigned namelen, const struct node **out,
		    unsigned *consumed)
{
	if (namelen == 0)
		return FBSD_ENOENT;
	for (unsigned d = 1; d <= namelen && d <= CTL_MAXNAME; d++) {
		const struct node *n = child_by_number(name, d);

		if (!n)
			return FBSD_ENOENT;
		if ((n->kind & CTLTYPE) == CTLTYPE_NODE) {
			if (n->handler || d == namelen) {
				*out = n;
				*consumed = d;
				return 0;
			}
		} else if (d == namelen) {
			*out = n;
			*consumed = d;
			return 0;
		} else {
			return FBSD_ENOTDIR;
		}
	}
	return FBSD_ENOENT;
}

/* name2oid(): "kern.ostype" -> {1, 1}; one trailing '.' is allowed. */
static int name_to_oid(const char *name, int *oid, unsigned *len)
{
	const struct node *n;

	for (*len = 0; *len < CTL_MAXNAME;) {
		const char *end = strchrnul(name, '.');

		oid[*len] = 0;
		n = child_by_name(oid, *len + 1, name, (size_t)(end - name));
		if (!n)
			return FBSD_ENOENT;
		oid[*len] = n->oid[*len];
		(*len)++;
		name = *end == '.' ? end + 1 : end;
		if (*name == 0)
			return 0;
		if (!is_plain_node(n))
			break;
	}
	return FBSD_ENOENT;
}

static int oid_cmp(const int *a, unsigned alen, const int *b, unsigned blen)
{
	for (unsigned i = 0; i < alen && i < blen; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return alen < blen ? -1 : alen > blen;
}

/* ---- {0, x} handlers ---- */

static int h_sysctl_name(struct req *r, const struct node *self, const int *name,
			 unsigned namelen)
{
	bool in_tree = true;
	char num[16];
	int err;

	for (unsigned i = 0; i < namelen; i++) {
		const struct node *n = in_tree ? child_by_number(name, i + 1) : NULL;
		const char *comp;

		if (n) {
			comp = node_leafname(n);
			in_tree = is_plain_node(n);
		} else {
			snprintf(num, sizeof(num), "%d", name[i]);
			comp = num;
			in_tree = false;
		}
		if (r->oldidx && (err = req_out(r, ".", 1)))
			return err;
		if ((err = req_out(r, comp, strlen(comp))))
			return err;
	}
	return req_out(r, "", 1);
}

/* The first leaf (or handler node) after NAME in OID order. */
static int h_sysctl_next(struct req *r, const struct node *self, const int *name,
			 unsigned namelen)
{
	const struct node *best = NULL;
	unsigned bestlen = 0;

	for (size_t i = 0; i < NNODES; i++) {
		const struct node *n = &nodes[i];
		unsigned d = node_depth(n);

		if (is_plain_node(n) || n->oid[0] == 0)
			continue;
		if (oid_cmp(n->oid, d, name, namelen) <= 0)
			continue;
		if (!best || oid_cmp(n->oid, d, best->oid, bestlen) < 0) {
			best = n;
			bestlen = d;
		}
	}
	if (!best)
		return FBSD_ENOENT;
	return req_out(r, best->oid, bestlen * sizeof(int));
}

static int h_sysctl_name2oid(struct req *r, const struct node *self, const int *name,
			     unsigned namelen)
{
	char buf[FBSD_MAXPATHLEN];
	int oid[CTL_MAXNAME];
	unsigned len;
	int err;

	if (r->newlen == 0)
		return FBSD_ENOENT;
	if (r->newlen >= FBSD_MAXPATHLEN)
		return FBSD_ENAMETOOLONG;
	if ((err = req_in(r, buf, r->newlen)))
		return err;
	buf[r->newlen] = 0;
	if ((err = name_to_oid(buf, oid, &len)))
		return err;
	return req_out(r, oid, len * sizeof(int));
}

static int h_sysctl_oidfmt(struct req *r, const struct node *self, const int *name,
			   unsigned namelen)
{
	const struct node *n;
	unsigned used;
	int err;

	if ((err = find_oid(name, namelen, &n, &used)))
		return err;
	if ((err = req_out(r, &n->kind, sizeof(n->kind))))
		return err;
	return req_out(r, n->fmt, strlen(n->fmt) + 1);
}

/* No node carries a description or label here. */
static int h_sysctl_nodescr(struct req *r, const struct node *self, const int *name,
			    unsigned namelen)
{
	const struct node *n;
	unsigned used;
	int err = find_oid(name, namelen, &n, &used);

	return err ? err : FBSD_ENOENT;
}

/* ---- value handlers ---- */

static int h_arandom(struct req *r, const struct node *self, const int *name,
		     unsigned namelen)
{
	unsigned char buf[256];
	size_t len = r->oldlen < sizeof(buf) ? r->oldlen : sizeof(buf);
	ssize_t got = len ? getrandom(buf, len, 0) : 0;

	return req_out(r, buf, got > 0 ? (size_t)got : 0);
}

static int h_boottime(struct req *r, const struct node *self, const int *name,
		      unsigned namelen)
{
	struct timespec now, up;
	struct fbsd_timeval bt;
	int64_t ns;

	clock_gettime(CLOCK_REALTIME, &now);
	clock_gettime(CLOCK_BOOTTIME, &up);
	ns = (now.tv_sec - up.tv_sec) * 1000000000LL + (now.tv_nsec - up.tv_nsec);
	bt.tv_sec = ns / 1000000000LL;
	bt.tv_usec = (ns % 1000000000LL) / 1000;
	if (bt.tv_usec < 0) {
		bt.tv_sec--;
		bt.tv_usec += 1000000;
	}
	return req_out(r, &bt, sizeof(bt));
}

static int h_pagesizes(struct req *r, const struct node *self, const int *name,
		       unsigned namelen)
{
	static const uint64_t sizes[FBSD_MAXPAGESIZES] = { 4096, 2097152, 1073741824 };

	return req_out(r, sizes, sizeof(sizes));
}

/* A pid that is not ours: procinfo.c reads the other process from /proc
 * (ESRCH when there is none). */
static int other_pid_out(struct req *r, int pid,
			 int (*get)(int, char **, size_t *))
{
	char *buf;
	size_t len;
	int err = get(pid, &buf, &len);

	if (err)
		return err;
	err = req_out(r, buf, len);
	free(buf);
	return err;
}

static int h_proc_pathname(struct req *r, const struct node *self, const int *name,
			   unsigned namelen)
{
	const char *path = emu.guest_path ? emu.guest_path : emu.exec_path;

	if (namelen != 1)
		return FBSD_EINVAL;
	if (name[0] != -1 && name[0] != getpid())
		return other_pid_out(r, name[0], fbsd_procinfo_pathname);
	if (!path)
		path = "";
	return req_out(r, path, strlen(path) + 1);
}

/* argv as NUL-terminated strings, read live through ps_strings. */
static int out_guest_argv(struct req *r)
{
	struct fbsd_ps_strings ps;
	char *buf;
	size_t len = 0;
	int err;

	if (!ps_strings_addr || copy_from_guest(&ps, ps_strings_addr, sizeof(ps)) < 0)
		return 0;
	buf = malloc(FBSD_ARG_MAX);
	if (!buf)
		return FBSD_ENOMEM;
	for (uint32_t i = 0; i < ps.ps_nargvstr && len < FBSD_ARG_MAX; i++) {
		uint64_t p;
		long n;

		if (copy_from_guest(&p, ps.ps_argvstr + 8 * (uint64_t)i, sizeof(p)) < 0)
			break;
		n = copy_str_from_guest(buf + len, p, FBSD_ARG_MAX - len);
		if (n < 0)
			break;
		len += (size_t)n + 1;
	}
	err = req_out(r, buf, len);
	free(buf);
	return err;
}

/* ps_arg_cache_limit (PAGE_SIZE / 16) minus struct pargs' header. */
#define FBSD_PARGS_MAX (256 - 12)

static int h_proc_args(struct req *r, const struct node *self, const int *name,
		       unsigned namelen)
{
	char buf[FBSD_PARGS_MAX];
	int err;

	if (namelen != 1)
		return FBSD_EINVAL;
	if (name[0] != -1 && name[0] != getpid())
		return r->newptr ? FBSD_EPERM : other_pid_out(r, name[0], fbsd_procinfo_args);
	if (r->newptr && r->newlen > FBSD_PARGS_MAX)
		return FBSD_ENOMEM;
	pthread_mutex_lock(&args_lock);
	if (proc_args)
		err = req_out(r, proc_args, proc_args_len);
	else
		err = out_guest_argv(r);
	pthread_mutex_unlock(&args_lock);
	if (err || !r->newptr)
		return err;
	if ((err = req_in(r, buf, r->newlen)))
		return err;
	pthread_mutex_lock(&args_lock);
	free(proc_args);
	proc_args = malloc(r->newlen ? r->newlen : 1);
	if (proc_args)
		memcpy(proc_args, buf, r->newlen);
	proc_args_len = proc_args ? r->newlen : 0;
	pthread_mutex_unlock(&args_lock);
	return 0;
}

/* ---- kern.proc.{all,pid,pgrp,...,proc}[_td]: struct kinfo_proc ----
 * sysctl_kern_proc(): one record per process, or per thread with
 * KERN_PROC_INC_THREAD (0x10) and for kern.proc.all (ps -H).  Other
 * processes are the host's, read by procinfo.c from /proc; this one is
 * corrected with what only bsdemu knows (guest program name, guest
 * threads and tids, guest address space size).  A list asked for with
 * old NULL gets room for 5 more processes, as FreeBSD's does. */

#define KERN_PROC_ALL 0
#define KERN_PROC_PID 1
#define KERN_PROC_PGRP 2
#define KERN_PROC_SESSION 3
#define KERN_PROC_TTY 4
#define KERN_PROC_UID 5
#define KERN_PROC_RUID 6
#define KERN_PROC_PROC 8
#define KERN_PROC_RGID 10
#define KERN_PROC_GID 11
#define KERN_PROC_INC_THREAD 0x10

struct tdinfo {
	int32_t tid;
	char name[20];
	fbsd_sigset_t sigmask;
};

struct tdlist {
	struct tdinfo *v;
	int n, cap;
};

static int td_collect(struct fbsd_thread *td, void *arg)
{
	struct tdlist *l = arg;

	if (l->n < l->cap) {
		struct tdinfo *t = &l->v[l->n];
		t->tid = td->tid;
		memcpy(t->name, td->name, sizeof(t->name));
		t->name[sizeof(t->name) - 1] = 0;
		t->sigmask = td->sigmask;
	}
	l->n++;
	return 0;
}

static int tid_cmp(const void *a, const void *b)
{
	const struct tdinfo *x = a, *y = b;

	return (x->tid > y->tid) - (x->tid < y->tid);
}

/* This process's guest threads, in tid order (malloc'ed). */
static int self_threads(struct tdinfo **out)
{
	struct tdlist l = { 0 };

	for (int tries = 0; tries < 8; tries++) {
		l.n = 0;
		fbsd_thread_foreach(td_collect, &l);
		if (l.n <= l.cap)
			break;
		free(l.v);
		l.cap = l.n + 8;
		l.v = calloc((size_t)l.cap, sizeof(*l.v));
		if (!l.v)
			return 0;
	}
	if (l.n > l.cap)
		l.n = l.cap;
	if (l.n)
		qsort(l.v, (size_t)l.n, sizeof(*l.v), tid_cmp);
	*out = l.v;
	return l.n;
}

static int add_size(const struct gmapping *m, void *arg)
{
	*(uint64_t *)arg += m->end - m->start;
	return 0;
}

static void set_tdname(struct fbsd_kinfo_proc *kp, const char *name)
{
	size_t l = strlen(name);

	memset(kp->ki_tdname, 0, sizeof(kp->ki_tdname));
	memset(kp->ki_moretdname, 0, sizeof(kp->ki_moretdname));
	memcpy(kp->ki_tdname, name, l < FBSD_TDNAMLEN ? l : FBSD_TDNAMLEN);
	if (l > FBSD_TDNAMLEN)
		snprintf(kp->ki_moretdname, sizeof(kp->ki_moretdname), "%s",
			 name + FBSD_TDNAMLEN);
}

/* This process's records: one, or one per thread. */
static int self_kproc_out(struct req *r, struct fbsd_kinfo_proc *kp, bool threads)
{
	const char *path = emu.guest_path ? emu.guest_path : emu.exec_path;
	struct tdinfo *tds = NULL;
	uint64_t size = 0;
	int n, err = 0;

	if (path && *path) {
		const char *b = strrchr(path, '/');
		memset(kp->ki_comm, 0, sizeof(kp->ki_comm));
		snprintf(kp->ki_comm, sizeof(kp->ki_comm), "%.*s", FBSD_COMMLEN,
			 b ? b + 1 : path);
	}
	mem_foreach(add_size, &size);
	kp->ki_size = size;
	kp->ki_stat = FBSD_SRUN;        /* the caller is running */
	memset(kp->ki_wmesg, 0, sizeof(kp->ki_wmesg));
	n = self_threads(&tds);
	kp->ki_numthreads = n > 0 ? n : 1;
	if (n > 1)
		kp->ki_flag |= FBSD_P_HADTHREADS;
	if (n <= 0) {
		set_tdname(kp, kp->ki_comm);
		kp->ki_tid = curthread ? curthread->tid : kp->ki_pid;
		return req_out(r, kp, sizeof(*kp));
	}
	for (int i = 0; i < (threads ? n : 1) && !err; i++) {
		kp->ki_tid = tds[i].tid;
		kp->ki_sigmask = tds[i].sigmask;
		set_tdname(kp, tds[i].name[0] ? tds[i].name : kp->ki_comm);
		err = req_out(r, kp, sizeof(*kp));
	}
	free(tds);
	return err;
}

/* Another process's records: one, or one per host thread. */
static int other_kproc_out(struct req *r, struct fbsd_kinfo_proc *kp, bool threads)
{
	int *tids, n, err;

	if (!threads || fbsd_procinfo_tids(kp->ki_pid, &tids, &n) || n == 0)
		return req_out(r, kp, sizeof(*kp));
	err = 0;
	for (int i = 0; i < n && !err; i++) {
		kp->ki_tid = tids[i];
		err = req_out(r, kp, sizeof(*kp));
	}
	free(tids);
	return err;
}

static bool kproc_match(const struct fbsd_kinfo_proc *kp, int op, int arg)
{
	switch (op) {
	case KERN_PROC_PGRP: return kp->ki_pgid == arg;
	case KERN_PROC_SESSION: return kp->ki_sid == arg;
	case KERN_PROC_TTY: return (uint32_t)kp->ki_tdev == (uint32_t)arg;
	case KERN_PROC_UID: return kp->ki_uid == (uint32_t)arg;
	case KERN_PROC_RUID: return kp->ki_ruid == (uint32_t)arg;
	case KERN_PROC_RGID: return kp->ki_rgid == (uint32_t)arg;
	case KERN_PROC_GID: return kp->ki_groups[0] == (uint32_t)arg;
	default: return true;
	}
}

static int h_proc(struct req *r, const struct node *self, const int *name,
		  unsigned namelen)
{
	int op = self->oid[2] & ~KERN_PROC_INC_THREAD;
	bool threads = (self->oid[2] & KERN_PROC_INC_THREAD) || op == KERN_PROC_ALL;
	struct fbsd_kinfo_proc kp;
	int *pids, n, err, me = getpid();

	if (op == KERN_PROC_ALL ? namelen != 0 :
	    op == KERN_PROC_PROC ? namelen > 1 : namelen != 1)
		return FBSD_EINVAL;
	if (op == KERN_PROC_PID) {
		if ((err = fbsd_procinfo_kproc(name[0], &kp)))
			return err;
		return name[0] == me ? self_kproc_out(r, &kp, threads)
				     : other_kproc_out(r, &kp, threads);
	}
	if ((err = fbsd_procinfo_pids(&pids, &n)))
		return err;
	for (int i = 0; i < n && !err; i++) {
		if (fbsd_procinfo_kproc(pids[i], &kp) ||
		    !kproc_match(&kp, op, namelen ? name[0] : 0))
			continue;
		err = pids[i] == me ? self_kproc_out(r, &kp, threads)
				    : other_kproc_out(r, &kp, threads);
	}
	free(pids);
	if (!err && !r->oldptr)
		err = req_out(r, NULL, 5 * sizeof(kp));
	return err;
}

/* kern.proc.cwd.<pid>: one struct kinfo_file (KF_FD_TYPE_CWD), not packed
 * (kern_proc_cwd_out exports without KERN_FILEDESC_PACK_KINFO). */
static int h_proc_cwd(struct req *r, const struct node *self, const int *name,
		      unsigned namelen)
{
	struct fbsd_kinfo_file *kf;
	char *path, link[64];
	struct stat st;
	int err;

	if (namelen != 1)
		return FBSD_EINVAL;
	if ((err = fbsd_procinfo_cwd(name[0], &path)))
		return err;
	kf = calloc(1, sizeof(*kf));
	if (!kf) {
		free(path);
		return FBSD_ENOMEM;
	}
	kf->kf_structsize = (int32_t)sizeof(*kf);
	kf->kf_type = FBSD_KF_TYPE_VNODE;
	kf->kf_fd = -1;                 /* KF_FD_TYPE_CWD */
	kf->kf_flags = FBSD_KF_FLAG_READ;
	kf->kf_ref_count = 1;
	kf->kf_un.kf_file.kf_file_type = FBSD_KF_VTYPE_VDIR;
	snprintf(link, sizeof(link), "/proc/%d/cwd", name[0]);
	if (stat(link, &st) == 0) {
		kf->kf_un.kf_file.kf_file_fileid = st.st_ino;
		kf->kf_un.kf_file.kf_file_size = (uint64_t)st.st_size;
		kf->kf_un.kf_file.kf_file_nlink = st.st_nlink;
		kf->kf_un.kf_file.kf_file_mode = (uint16_t)st.st_mode;
	}
	snprintf(kf->kf_path, sizeof(kf->kf_path), "%s", path);
	free(path);
	err = req_out(r, kf, sizeof(*kf));
	free(kf);
	return err;
}

/* kern.proc.vmmap.<pid>, this process only: struct kinfo_vmentry per
 * guest mapping, packed (kve_structsize = up to the path's NUL, rounded
 * to 8) as kern_proc_vmmap_out(KERN_VMMAP_PACK_KINFO) does. */
struct maplist {
	struct gmapping *v;
	size_t n, cap;
};

static int map_collect(const struct gmapping *m, void *arg)
{
	struct maplist *l = arg;

	if (l->n == l->cap) {
		size_t nc = l->cap ? l->cap * 2 : 64;
		struct gmapping *nv = realloc(l->v, nc * sizeof(*nv));
		if (!nv)
			return 1;
		l->v = nv;
		l->cap = nc;
	}
	l->v[l->n++] = *m;
	return 0;
}

static int h_proc_vmmap(struct req *r, const struct node *self, const int *name,
			unsigned namelen)
{
	struct fbsd_kinfo_vmentry *kve;
	struct maplist l = { 0 };
	struct fbsd_kinfo_proc kp;
	int err = 0;

	if (namelen != 1)
		return FBSD_EINVAL;
	if (name[0] != getpid())
		return (err = fbsd_procinfo_kproc(name[0], &kp)) ? err : FBSD_EPERM;
	kve = malloc(sizeof(*kve));
	if (!kve)
		return FBSD_ENOMEM;
	mem_foreach(map_collect, &l);
	for (size_t i = 0; i < l.n && !err; i++) {
		const struct gmapping *m = &l.v[i];
		size_t sz;

		memset(kve, 0, sizeof(*kve));
		kve->kve_start = m->start;
		kve->kve_end = m->end;
		kve->kve_offset = m->offset;
		kve->kve_protection = m->prot & (FBSD_KVME_PROT_READ |
			FBSD_KVME_PROT_WRITE | FBSD_KVME_PROT_EXEC);
		kve->kve_ref_count = 1;
		kve->kve_resident = (int32_t)((m->end - m->start) / GUEST_PAGE_SIZE);
		if (m->flags & GMAP_NOCORE)
			kve->kve_flags |= FBSD_KVME_FLAG_NOCOREDUMP;
		if (m->flags & GMAP_GUARD) {
			kve->kve_type = 0;      /* KVME_TYPE_NONE: no object */
			kve->kve_resident = 0;
			kve->kve_protection = 0;
		} else if (m->ino && !(m->flags & GMAP_ANON)) {
			kve->kve_type = FBSD_KVME_TYPE_VNODE;
			kve->kve_vn_fileid = m->ino;
			kve->kve_vn_type = FBSD_KF_VTYPE_VREG;
			if (!(m->flags & GMAP_SHARED))
				kve->kve_flags |= FBSD_KVME_FLAG_COW;
			fbsd_procinfo_map_path((uintptr_t)g2h(m->start), kve->kve_path,
					       sizeof(kve->kve_path));
		} else {
			kve->kve_type = FBSD_KVME_TYPE_DEFAULT;
		}
		sz = offsetof(struct fbsd_kinfo_vmentry, kve_path) +
			strlen(kve->kve_path) + 1;
		sz = (sz + 7) & ~(size_t)7;
		kve->kve_structsize = (int32_t)sz;
		err = req_out(r, kve, sz);
	}
	free(l.v);
	free(kve);
	return err;
}

/* net.routetable: the routing messages sysctl_net.c builds. */
static int h_rtsock(struct req *r, const struct node *self, const int *name,
		    unsigned namelen)
{
	void *buf;
	size_t len;
	int err = fbsd_sysctl_rtsock(name, namelen, &buf, &len);

	if (!err)
		err = req_out(r, buf, len);
	free(buf);
	return err;
}

/* A leaf without handler: its value by type. */
static int leaf_out(struct req *r, const struct node *n)
{
	int64_t v = n->num ? n->num() : n->val;
	char text[FBSD_MAXHOSTNAMELEN];
	int32_t i32;

	switch (n->kind & CTLTYPE) {
	case CTLTYPE_INT:
	case CTLTYPE_UINT:
		i32 = (int32_t)v;
		return req_out(r, &i32, sizeof(i32));
	case CTLTYPE_LONG:
	case CTLTYPE_ULONG:
	case CTLTYPE_S64:
	case CTLTYPE_U64:
		return req_out(r, &v, sizeof(v));
	case CTLTYPE_STRING:
		if (n->text) {
			n->text(text, sizeof(text));
			return req_out(r, text, strlen(text) + 1);
		}
		return req_out(r, n->str, strlen(n->str) + 1);
	default:
		return FBSD_EINVAL;
	}
}

/* sysctl_root() */
static int sysctl_root(struct req *r, const int *name, unsigned namelen)
{
	const struct node *n;
	unsigned used;
	int err = find_oid(name, namelen, &n, &used);

	if (err)
		return err;
	if ((n->kind & CTLTYPE) == CTLTYPE_NODE && !n->handler)
		return FBSD_EISDIR;
	if (r->newptr && !(n->kind & CTLFLAG_WR))
		return FBSD_EPERM;
	/* Writable FreeBSD nodes other than ANYBODY ones need privilege. */
	if (r->newptr && !(n->kind & CTLFLAG_ANYBODY))
		return FBSD_EPERM;
	if (n->handler)
		return n->handler(r, n, name + used, namelen - used);
	return leaf_out(r, n);
}

/* userland_sysctl() minus copying *oldlenp back; *retlen = what it says. */
static int userland_sysctl(const int *name, unsigned namelen, gaddr_t old,
			   gaddr_t oldlenp, gaddr_t new, uint64_t newlen,
			   uint64_t *retlen)
{
	struct req r = { 0 };
	int err;

	if (oldlenp && copy_from_guest(&r.oldlen, oldlenp, sizeof(r.oldlen)) < 0)
		return FBSD_EFAULT;
	if (old && !guest_range_ok(old, r.oldlen))
		return FBSD_EFAULT;
	r.oldptr = old;
	if (new) {
		if (!guest_range_ok(new, newlen))
			return FBSD_EFAULT;
		r.newptr = new;
		r.newlen = newlen;
	}
	err = sysctl_root(&r, name, namelen);
	if (err && err != FBSD_ENOMEM)
		return err;
	*retlen = (r.oldptr && r.oldidx > r.oldlen) ? r.oldlen : r.oldidx;
	return err;
}

int fbsd_sys___sysctl(struct fbsd_thread *td, const struct fbsd___sysctl_args *uap)
{
	int name[CTL_MAXNAME];
	uint64_t len = 0;
	int err;

	if (uap->namelen > CTL_MAXNAME || uap->namelen < 2)
		return FBSD_EINVAL;
	if (copy_from_guest(name, uap->name, uap->namelen * sizeof(int)) < 0)
		return FBSD_EFAULT;
	err = userland_sysctl(name, uap->namelen, uap->old, uap->oldlenp, uap->new,
			      uap->newlen, &len);
	if (err && err != FBSD_ENOMEM)
		return err;
	if (uap->oldlenp && copy_to_guest(uap->oldlenp, &len, sizeof(len)) < 0)
		return FBSD_EFAULT;
	return err;
}

int fbsd_sys___sysctlbyname(struct fbsd_thread *td, const struct fbsd___sysctlbyname_args *uap)
{
	char buf[FBSD_MAXPATHLEN + 1];
	int oid[CTL_MAXNAME];
	unsigned oidlen;
	uint64_t len = 0;
	int err;

	if (uap->namelen > FBSD_MAXPATHLEN || uap->namelen == 0)
		return FBSD_EINVAL;
	if (copy_from_guest(buf, uap->name, uap->namelen) < 0)
		return FBSD_EFAULT;
	/* The internal name2oid request: newlen = namelen. */
	if (uap->namelen >= FBSD_MAXPATHLEN)
		return FBSD_ENAMETOOLONG;
	buf[uap->namelen] = 0;
	if ((err = name_to_oid(buf, oid, &oidlen)))
		return err;
	err = userland_sysctl(oid, oidlen, uap->old, uap->oldlenp, uap->new,
			      uap->newlen, &len);
	if (err)
		return err;
	if (uap->oldlenp && copy_to_guest(uap->oldlenp, &len, sizeof(len)) < 0)
		return FBSD_EFAULT;
	return 0;
}
