/* Changing the process credentials: setuid(23), setgid(181), seteuid(183),
 * setegid(182), setreuid(126), setregid(127), setresuid(311),
 * setresgid(312), setgroups (FreeBSD 14's, 80, and 15's, 596).
 *
 * The guest's credentials are the host process's.  Each call decides, as
 * sys/kern/kern_prot.c does, whether it is allowed and what the real,
 * effective and saved ids become, and then sets all three at once with
 * setresuid()/setresgid(); glibc applies those (and setgroups()) to every
 * thread of the process, as FreeBSD's per-process credentials require
 * (the bare Linux calls would change one thread only).
 *
 * FreeBSD's rules (kern_prot.c, built with POSIX_APPENDIX_B_4_2_2 and
 * without _POSIX_SAVED_IDS), "privileged" meaning euid 0:
 *   setuid(u)      u == ruid or u == euid or privileged; sets all three
 *                  (the traditional BSD behaviour, unlike Linux's, which
 *                  leaves real and saved ids alone when unprivileged);
 *   seteuid(u)     u == ruid or u == svuid or privileged; euid only;
 *   setreuid(r, e) (-1: unchanged) r in {ruid, svuid}, e in {euid, ruid,
 *                  svuid}, or privileged; the saved id becomes the new euid
 *                  when r is given or the new euid differs from the ruid;
 *   setresuid      each given id in {ruid, euid, svuid}, or privileged;
 *   the gid calls the same with gids.
 * setgroups needs privilege.  FreeBSD 14's list (what 14.x programs pass)
 * is cr_groups, whose first entry is the effective gid: setgroups(n, l)
 * sets the egid to l[0] and the supplementary groups to the rest, and
 * n == 0 leaves the egid alone and drops every supplementary group.
 * FreeBSD 15's call sets the supplementary groups only.  Both refuse more
 * than kern.ngroups (1023) supplementary groups with EINVAL. */
#include <errno.h>
#include <grp.h>
#include <stdlib.h>
#include <unistd.h>

#include "os/freebsd/syscall.h"

#define FBSD_NGROUPS_MAX 1023
#define NOCHANGE ((uint32_t)-1)

struct ids {
	uint32_t r, e, s;
};

static struct ids cur_uids(void)
{
	uid_t r, e, s;

	getresuid(&r, &e, &s);
	return (struct ids){ r, e, s };
}

static struct ids cur_gids(void)
{
	gid_t r, e, s;

	getresgid(&r, &e, &s);
	return (struct ids){ r, e, s };
}

static bool privileged(void)
{
	return geteuid() == 0;
}

static int set_uids(struct fbsd_thread *td, struct ids n)
{
	if (setresuid(n.r, n.e, n.s) < 0)
		return fbsd_errno(errno);
	td->retval[0] = 0;
	return 0;
}

static int set_gids(struct fbsd_thread *td, struct ids n)
{
	if (setresgid(n.r, n.e, n.s) < 0)
		return fbsd_errno(errno);
	td->retval[0] = 0;
	return 0;
}

/* setuid/setgid: the new triple in *N, or EPERM. */
static int set_all(struct ids c, uint32_t id, struct ids *n)
{
	if (id != c.r && id != c.e && !privileged())
		return FBSD_EPERM;
	*n = (struct ids){ id, id, id };
	return 0;
}

static int set_eff(struct ids c, uint32_t id, struct ids *n)
{
	if (id != c.r && id != c.s && !privileged())
		return FBSD_EPERM;
	*n = (struct ids){ c.r, id, c.s };
	return 0;
}

static int set_re(struct ids c, uint32_t r, uint32_t e, struct ids *n)
{
	if (((r != NOCHANGE && r != c.r && r != c.s) ||
	     (e != NOCHANGE && e != c.e && e != c.r && e != c.s)) &&
	    !privileged())
		return FBSD_EPERM;
	*n = c;
	if (e != NOCHANGE)
		n->e = e;
	if (r != NOCHANGE)
		n->r = r;
	if ((r != NOCHANGE || n->e != n->r) && n->s != n->e)
		n->s = n->e;
	return 0;
}

static bool one_of(uint32_t id, struct ids c)
{
	return id == NOCHANGE || id == c.r || id == c.e || id == c.s;
}

static int set_res(struct ids c, uint32_t r, uint32_t e, uint32_t s, struct ids *n)
{
	if ((!one_of(r, c) || !one_of(e, c) || !one_of(s, c)) && !privileged())
		return FBSD_EPERM;
	*n = c;
	if (r != NOCHANGE)
		n->r = r;
	if (e != NOCHANGE)
		n->e = e;
	if (s != NOCHANGE)
		n->s = s;
	return 0;
}

int fbsd_sys_setuid(struct fbsd_thread *td, const struct fbsd_setuid_args *uap)
{
	struct ids n;
	int err = set_all(cur_uids(), uap->uid, &n);

	return err ? err : set_uids(td, n);
}

int fbsd_sys_setgid(struct fbsd_thread *td, const struct fbsd_setgid_args *uap)
{
	struct ids n;
	int err = set_all(cur_gids(), uap->gid, &n);

	return err ? err : set_gids(td, n);
}

int fbsd_sys_seteuid(struct fbsd_thread *td, const struct fbsd_seteuid_args *uap)
{
	struct ids n;
	int err = set_eff(cur_uids(), uap->euid, &n);

	return err ? err : set_uids(td, n);
}

int fbsd_sys_setegid(struct fbsd_thread *td, const struct fbsd_setegid_args *uap)
{
	struct ids n;
	int err = set_eff(cur_gids(), uap->egid, &n);

	return err ? err : set_gids(td, n);
}

int fbsd_sys_setreuid(struct fbsd_thread *td, const struct fbsd_setreuid_args *uap)
{
	struct ids n;
	int err = set_re(cur_uids(), (uint32_t)uap->ruid, (uint32_t)uap->euid, &n);

	return err ? err : set_uids(td, n);
}

int fbsd_sys_setregid(struct fbsd_thread *td, const struct fbsd_setregid_args *uap)
{
	struct ids n;
	int err = set_re(cur_gids(), (uint32_t)uap->rgid, (uint32_t)uap->egid, &n);

	return err ? err : set_gids(td, n);
}

int fbsd_sys_setresuid(struct fbsd_thread *td, const struct fbsd_setresuid_args *uap)
{
	struct ids n;
	int err = set_res(cur_uids(), uap->ruid, uap->euid, uap->suid, &n);

	return err ? err : set_uids(td, n);
}

int fbsd_sys_setresgid(struct fbsd_thread *td, const struct fbsd_setresgid_args *uap)
{
	struct ids n;
	int err = set_res(cur_gids(), uap->rgid, uap->egid, uap->sgid, &n);

	return err ? err : set_gids(td, n);
}

/* Read N guest gids at GA.  Returns a malloc'd list (NULL for N == 0) in
 * *OUT, or a FreeBSD errno. */
static int read_gids(gaddr_t ga, int32_t n, gid_t **out)
{
	uint32_t *g;
	gid_t *h;

	*out = NULL;
	if (n == 0)
		return 0;
	g = calloc((size_t)n, sizeof(*g));
	h = calloc((size_t)n, sizeof(*h));
	if (!g || !h) {
		free(g);
		free(h);
		return FBSD_ENOMEM;
	}
	if (copy_from_guest(g, ga, (size_t)n * sizeof(*g)) < 0) {
		free(g);
		free(h);
		return FBSD_EFAULT;
	}
	for (int32_t i = 0; i < n; i++)
		h[i] = g[i];
	free(g);
	*out = h;
	return 0;
}

int fbsd_sys_freebsd14_setgroups(struct fbsd_thread *td,
				 const struct fbsd_freebsd14_setgroups_args *uap)
{
	int32_t n = uap->gidsetsize;
	struct ids c = cur_gids();
	gid_t *list;
	int err;

	if (n < 0 || n > FBSD_NGROUPS_MAX + 1)
		return FBSD_EINVAL;
	err = read_gids(uap->gidset, n, &list);
	if (err)
		return err;
	if (!privileged()) {
		free(list);
		return FBSD_EPERM;
	}
	if (setgroups(n ? (size_t)n - 1 : 0, n ? list + 1 : NULL) < 0) {
		err = fbsd_errno(errno);
		free(list);
		return err;
	}
	if (n) {
		c.e = list[0];
		free(list);
		return set_gids(td, c);
	}
	td->retval[0] = 0;
	return 0;
}

int fbsd_sys_setgroups(struct fbsd_thread *td, const struct fbsd_setgroups_args *uap)
{
	int32_t n = uap->gidsetsize;
	gid_t *list;
	int err;

	if (n < 0 || n > FBSD_NGROUPS_MAX)
		return FBSD_EINVAL;
	err = read_gids(uap->gidset, n, &list);
	if (err)
		return err;
	if (!privileged()) {
		free(list);
		return FBSD_EPERM;
	}
	err = setgroups((size_t)n, list) < 0 ? fbsd_errno(errno) : 0;
	free(list);
	if (!err)
		td->retval[0] = 0;
	return err;
}
