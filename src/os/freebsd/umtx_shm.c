/* _umtx_op(UMTX_OP_SHM): the one-page objects libthr keeps its
 * process-shared mutexes, condition variables, rwlocks and barriers in
 * (lib/libthr/thread/thr_pshared.c), after umtx_shm() in kern_umtx.c.
 *
 * FreeBSD registers one anonymous shm object per key, the key being the
 * memory object and byte offset the key address lies in, so every process
 * mapping that memory finds the same object wherever it maps it.  Here:
 *  - a key in MAP_SHARED memory names a host file
 *    /dev/shm/bsdemu-umtx.<euid>.<dev>.<inode>.<offset>: device, inode and
 *    offset of the host mapping behind the key, from /proc/self/maps
 *    (MAP_SHARED|MAP_ANON memory is a shmem inode there), so a fork child
 *    and an unrelated process mapping the same file find the same object;
 *  - a key in private memory only this process can name: its object is a
 *    memfd in a table of this process, gone with the process as FreeBSD's
 *    goes with the process's memory (a fork child inherits the table).
 * CREAT opens the object, creating it, LOOKUP opens an existing one (ESRCH
 * when there is none); both return a new close-on-exec descriptor of a
 * page-sized object the guest maps MAP_SHARED.  DESTROY removes it (ESRCH
 * when there is none).  ALIVE answers ENOTTY for a page of a destroyed
 * object, 0 for any other readable page.  Exactly one of the four flags or
 * EINVAL; a key not mapped writable, or an ALIVE address not mapped
 * readable, is EFAULT.
 *
 * Limits.  FreeBSD frees an object when the memory holding its key goes
 * away; bsdemu cannot see that, so a /dev/shm object never DESTROYed stays
 * there until it is deleted or the host reboots, and memory that later
 * reuses the same (device, inode) finds it again (harmless for libthr,
 * which initialises what CREAT gives it).  The euid in the name keeps
 * users apart where FreeBSD would let them share an object. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "os/freebsd/hostfd.h"
#include "os/freebsd/syscall.h"

#define SHM_CREAT 0x1u
#define SHM_LOOKUP 0x2u
#define SHM_DESTROY 0x4u
#define SHM_ALIVE 0x8u
#define SHM_SIZE 4096           /* PAGE_SIZE */

#define SHM_PREFIX "/dev/shm/bsdemu-umtx."
#define MEMFD_NAME "bsdemu-umtx"
#define MEMFD_MAPS "/memfd:" MEMFD_NAME " (deleted)"   /* its /proc/self/maps name */

/* ---- where a guest address lives on the host ---- */

bool fbsd_umtx_shared_mem(gaddr_t addr)
{
	struct gmapping m;

	return mem_lookup(addr, &m) && (m.flags & GMAP_SHARED);
}

struct hmap {
	unsigned long lo, hi, off, ino;
	unsigned maj, min;
	char path[PATH_MAX];
};

/* The /proc/self/maps line that covers host address HA. */
static bool hmap_at(uintptr_t ha, struct hmap *m)
{
	FILE *f = fopen("/proc/self/maps", "re");
	char *line = NULL;
	size_t cap = 0;
	bool found = false;

	if (!f)
		return false;
	while (!found && getline(&line, &cap, f) > 0) {
		int pos = 0;

		if (sscanf(line, "%lx-%lx %*s %lx %x:%x %lu %n", &m->lo, &m->hi, &m->off,
			   &m->maj, &m->min, &m->ino, &pos) < 6 || ha < m->lo || ha >= m->hi)
			continue;
		found = true;
		snprintf(m->path, sizeof(m->path), "%s", line + pos);
		m->path[strcspn(m->path, "\n")] = 0;
	}
	free(line);
	fclose(f);
	return found;
}

/* The /dev/shm name of KEY (in MAP_SHARED memory). */
static int shm_name(gaddr_t key, char *buf, size_t n)
{
	uintptr_t ha = (uintptr_t)g2h(key);
	struct hmap m;

	if (!hmap_at(ha, &m))
		return FBSD_EFAULT;
	snprintf(buf, n, SHM_PREFIX "%u.%x:%x.%lu.%lx", (unsigned)geteuid(), m.maj, m.min,
		 m.ino, m.off + (ha - m.lo));
	return 0;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);

	return a >= b && strcmp(s + a - b, tail) == 0;
}

/* ---- objects of shared keys: files in /dev/shm ---- */

/* Ours (another user could have planted the name), and a page long: a
 * creator racing with us may not have sized it yet. */
static int obj_check(int fd)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return fbsd_errno(errno);
	if (!S_ISREG(st.st_mode) || st.st_uid != geteuid())
		return FBSD_EACCES;
	if (st.st_size < SHM_SIZE && ftruncate(fd, SHM_SIZE) < 0)
		return fbsd_errno(errno);
	return 0;
}

/* A new descriptor for the guest: the lowest free number, close-on-exec
 * (falloc_caps(O_CLOEXEC)). */
static int named_open(struct fbsd_thread *td, const char *name, bool creat)
{
	int fd = open(name, O_RDWR | O_NOFOLLOW | O_CLOEXEC | (creat ? O_CREAT : 0), 0600);
	int err;

	if (fd < 0)
		return errno == ENOENT && !creat ? FBSD_ESRCH : fbsd_errno(errno);
	if ((err = obj_check(fd)) != 0) {
		close(fd);
		return err;
	}
	td->retval[0] = (uint64_t)fd;
	return 0;
}

static int named_op(struct fbsd_thread *td, unsigned op, gaddr_t key)
{
	char name[sizeof(SHM_PREFIX) + 96];
	int err;

	if ((err = shm_name(key, name, sizeof(name))) != 0)
		return err;
	if (op != SHM_DESTROY)
		return named_open(td, name, op == SHM_CREAT);
	if (unlink(name) == 0)
		return 0;
	return errno == ENOENT ? FBSD_ESRCH : fbsd_errno(errno);
}

/* ---- objects of private keys: memfds in a table of this process ---- */

struct pobj {
	gaddr_t key;
	int fd;                 /* bsdemu's own descriptor (hostfd.h) */
	unsigned long ino;
};

static pthread_mutex_t plock = PTHREAD_MUTEX_INITIALIZER;
static struct pobj *pobjs;
static size_t npobj, cappobj;

static struct pobj *pobj_find(gaddr_t key)
{
	for (size_t i = 0; i < npobj; i++)
		if (pobjs[i].key == key)
			return &pobjs[i];
	return NULL;
}

static int pobj_new(gaddr_t key, struct pobj **out)
{
	struct stat st;
	int fd, err;

	if (npobj == cappobj) {
		size_t nc = cappobj ? 2 * cappobj : 16;
		struct pobj *v = realloc(pobjs, nc * sizeof(*v));
		if (!v)
			return FBSD_ENOMEM;
		pobjs = v;
		cappobj = nc;
	}
	fd = memfd_create(MEMFD_NAME, MFD_CLOEXEC);
	if (fd < 0)
		return fbsd_errno(errno);
	if (ftruncate(fd, SHM_SIZE) < 0 || fstat(fd, &st) < 0) {
		err = fbsd_errno(errno);
		close(fd);
		return err;
	}
	*out = &pobjs[npobj++];
	**out = (struct pobj){ key, fbsd_hostfd_own(fd), (unsigned long)st.st_ino };
	return 0;
}

static int private_op(struct fbsd_thread *td, unsigned op, gaddr_t key)
{
	struct pobj *p;
	int err = 0, fd;

	pthread_mutex_lock(&plock);
	p = pobj_find(key);
	if (!p)
		err = op == SHM_CREAT ? pobj_new(key, &p) : FBSD_ESRCH;
	if (!err && op == SHM_DESTROY) {
		fbsd_hostfd_close(p->fd);
		*p = pobjs[--npobj];
	} else if (!err) {
		fd = fcntl(p->fd, F_DUPFD_CLOEXEC, 0);
		if (fd < 0)
			err = fbsd_errno(errno);
		else
			td->retval[0] = (uint64_t)fd;
	}
	pthread_mutex_unlock(&plock);
	return err;
}

static bool pobj_alive(unsigned long ino)
{
	bool r = false;

	pthread_mutex_lock(&plock);
	for (size_t i = 0; i < npobj && !r; i++)
		r = pobjs[i].ino == ino;
	pthread_mutex_unlock(&plock);
	return r;
}

/* fork(): the table (and its descriptors) go on in the child; the lock may
 * have been held by a thread the child does not have. */
void fbsd_umtx_shm_fork_child(void)
{
	pthread_mutex_init(&plock, NULL);
}

/* ---- the operation ---- */

/* umtx_shm_alive(): OBJ_UMTXDEAD is our unlinked file, or a memfd no
 * longer in the table. */
static int shm_alive(gaddr_t addr)
{
	int prot = guest_range_ok(addr, 1) ? mem_prot_at(addr) : -1;
	struct hmap m;

	if (prot < 0 || !(prot & GPROT_READ))
		return FBSD_EFAULT;
	if (!hmap_at((uintptr_t)g2h(addr), &m))
		return 0;
	if (strncmp(m.path, SHM_PREFIX, strlen(SHM_PREFIX)) == 0)
		return ends_with(m.path, " (deleted)") ? FBSD_ENOTTY : 0;
	if (strcmp(m.path, MEMFD_MAPS) == 0)
		return pobj_alive(m.ino) ? 0 : FBSD_ENOTTY;
	return 0;
}

int fbsd_umtx_shm(struct fbsd_thread *td, uint32_t flags, gaddr_t key)
{
	unsigned op = flags & (SHM_CREAT | SHM_LOOKUP | SHM_DESTROY | SHM_ALIVE);
	int prot;

	if (__builtin_popcount(op) != 1)
		return FBSD_EINVAL;
	if (op == SHM_ALIVE)
		return shm_alive(key);
	/* umtx_key_get(PROCESS_SHARE) looks the key up for writing. */
	prot = guest_range_ok(key, 1) ? mem_prot_at(key) : -1;
	if (prot < 0 || !(prot & GPROT_WRITE))
		return FBSD_EFAULT;
	if (fbsd_umtx_shared_mem(key))
		return named_op(td, op, key);
	return private_op(td, op, key);
}
