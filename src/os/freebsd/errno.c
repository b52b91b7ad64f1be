/* Linux (host) errno -> FreeBSD errno, and FreeBSD errno names.
 *
 * The table is written as one ordered list of every Linux errno from 1 to
 * EHWPOISON (133), including the two unused numbers 41 and 58.  Compile-time
 * checks prove the list has no gap, no duplicate and no missing entry: the
 * n-th line must be Linux errno n.  Linux-only errnos get a chosen FreeBSD
 * value with the reason next to it. */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>

#include "fbsd_errno.h"

/* X(linux_name_or_number, freebsd_value).  Ordered by Linux value. */
#define LINUX_ERRNO_MAP(X)                                                   \
	X(EPERM, FBSD_EPERM)                                                 \
	X(ENOENT, FBSD_ENOENT)                                               \
	X(ESRCH, FBSD_ESRCH)                                                 \
	X(EINTR, FBSD_EINTR)                                                 \
	X(EIO, FBSD_EIO)                                                     \
	X(ENXIO, FBSD_ENXIO)                                                 \
	X(E2BIG, FBSD_E2BIG)                                                 \
	X(ENOEXEC, FBSD_ENOEXEC)                                             \
	X(EBADF, FBSD_EBADF)                                                 \
	X(ECHILD, FBSD_ECHILD)                                               \
	X(EAGAIN, FBSD_EAGAIN)                                               \
	X(ENOMEM, FBSD_ENOMEM)                                               \
	X(EACCES, FBSD_EACCES)                                               \
	X(EFAULT, FBSD_EFAULT)                                               \
	X(ENOTBLK, FBSD_ENOTBLK)                                             \
	X(EBUSY, FBSD_EBUSY)                                                 \
	X(EEXIST, FBSD_EEXIST)                                               \
	X(EXDEV, FBSD_EXDEV)                                                 \
	X(ENODEV, FBSD_ENODEV)                                               \
	X(ENOTDIR, FBSD_ENOTDIR)                                             \
	X(EISDIR, FBSD_EISDIR)                                               \
	X(EINVAL, FBSD_EINVAL)                                               \
	X(ENFILE, FBSD_ENFILE)                                               \
	X(EMFILE, FBSD_EMFILE)                                               \
	X(ENOTTY, FBSD_ENOTTY)                                               \
	X(ETXTBSY, FBSD_ETXTBSY)                                             \
	X(EFBIG, FBSD_EFBIG)                                                 \
	X(ENOSPC, FBSD_ENOSPC)                                               \
	X(ESPIPE, FBSD_ESPIPE)                                               \
	X(EROFS, FBSD_EROFS)                                                 \
	X(EMLINK, FBSD_EMLINK)                                               \
	X(EPIPE, FBSD_EPIPE)                                                 \
	X(EDOM, FBSD_EDOM)                                                   \
	X(ERANGE, FBSD_ERANGE)                                               \
	X(EDEADLK, FBSD_EDEADLK)                                             \
	X(ENAMETOOLONG, FBSD_ENAMETOOLONG)                                   \
	X(ENOLCK, FBSD_ENOLCK)                                               \
	X(ENOSYS, FBSD_ENOSYS)                                               \
	X(ENOTEMPTY, FBSD_ENOTEMPTY)                                         \
	X(ELOOP, FBSD_ELOOP)                                                 \
	X(41, FBSD_EIO)             /* unused on Linux */                    \
	X(ENOMSG, FBSD_ENOMSG)                                               \
	X(EIDRM, FBSD_EIDRM)                                                 \
	X(ECHRNG, FBSD_EINVAL)      /* channel number out of range */        \
	X(EL2NSYNC, FBSD_EIO)       /* STREAMS/line-discipline internals */  \
	X(EL3HLT, FBSD_EIO)                                                  \
	X(EL3RST, FBSD_EIO)                                                  \
	X(ELNRNG, FBSD_EINVAL)      /* link number out of range */           \
	X(EUNATCH, FBSD_EIO)                                                 \
	X(ENOCSI, FBSD_EIO)                                                  \
	X(EL2HLT, FBSD_EIO)                                                  \
	X(EBADE, FBSD_EINVAL)       /* invalid exchange */                   \
	X(EBADR, FBSD_EINVAL)       /* invalid request descriptor */         \
	X(EXFULL, FBSD_ENOBUFS)     /* exchange full */                      \
	X(ENOANO, FBSD_EIO)                                                  \
	X(EBADRQC, FBSD_EINVAL)     /* invalid request code */               \
	X(EBADSLT, FBSD_EINVAL)     /* invalid slot */                       \
	X(58, FBSD_EIO)             /* unused (EDEADLOCK is 35) */           \
	X(EBFONT, FBSD_EFTYPE)      /* bad font file format */               \
	X(ENOSTR, FBSD_ENODEV)      /* device not a stream */                \
	X(ENODATA, FBSD_ENOATTR)    /* xattr calls: glibc ENOATTR==ENODATA */ \
	X(ETIME, FBSD_ETIMEDOUT)    /* STREAMS timer expired */              \
	X(ENOSR, FBSD_ENOBUFS)      /* out of STREAMS resources */           \
	X(ENONET, FBSD_EHOSTUNREACH) /* machine is not on the network */     \
	X(ENOPKG, FBSD_EOPNOTSUPP)  /* package not installed */              \
	X(EREMOTE, FBSD_EREMOTE)                                             \
	X(ENOLINK, FBSD_ENOLINK)                                             \
	X(EADV, FBSD_EIO)           /* advertise error */                    \
	X(ESRMNT, FBSD_EIO)         /* srmount error */                      \
	X(ECOMM, FBSD_EIO)          /* communication error on send */        \
	X(EPROTO, FBSD_EPROTO)                                               \
	X(EMULTIHOP, FBSD_EMULTIHOP)                                         \
	X(EDOTDOT, FBSD_EIO)        /* RFS specific */                       \
	X(EBADMSG, FBSD_EBADMSG)                                             \
	X(EOVERFLOW, FBSD_EOVERFLOW)                                         \
	X(ENOTUNIQ, FBSD_EEXIST)    /* name not unique on network */         \
	X(EBADFD, FBSD_EBADF)       /* fd in bad state */                    \
	X(EREMCHG, FBSD_EADDRNOTAVAIL) /* remote address changed */          \
	X(ELIBACC, FBSD_ENOEXEC)    /* a.out shared-library errors: exec */  \
	X(ELIBBAD, FBSD_ENOEXEC)    /* failed on a bad image, which is */    \
	X(ELIBSCN, FBSD_ENOEXEC)    /* FreeBSD's ENOEXEC */                  \
	X(ELIBMAX, FBSD_ENOEXEC)                                             \
	X(ELIBEXEC, FBSD_ENOEXEC)                                            \
	X(EILSEQ, FBSD_EILSEQ)                                               \
	X(ERESTART, FBSD_EINTR)     /* must not leak; the guest sees EINTR */ \
	X(ESTRPIPE, FBSD_EPIPE)     /* streams pipe error */                 \
	X(EUSERS, FBSD_EUSERS)                                               \
	X(ENOTSOCK, FBSD_ENOTSOCK)                                           \
	X(EDESTADDRREQ, FBSD_EDESTADDRREQ)                                   \
	X(EMSGSIZE, FBSD_EMSGSIZE)                                           \
	X(EPROTOTYPE, FBSD_EPROTOTYPE)                                       \
	X(ENOPROTOOPT, FBSD_ENOPROTOOPT)                                     \
	X(EPROTONOSUPPORT, FBSD_EPROTONOSUPPORT)                             \
	X(ESOCKTNOSUPPORT, FBSD_ESOCKTNOSUPPORT)                             \
	X(EOPNOTSUPP, FBSD_EOPNOTSUPP)                                       \
	X(EPFNOSUPPORT, FBSD_EPFNOSUPPORT)                                   \
	X(EAFNOSUPPORT, FBSD_EAFNOSUPPORT)                                   \
	X(EADDRINUSE, FBSD_EADDRINUSE)                                       \
	X(EADDRNOTAVAIL, FBSD_EADDRNOTAVAIL)                                 \
	X(ENETDOWN, FBSD_ENETDOWN)                                           \
	X(ENETUNREACH, FBSD_ENETUNREACH)                                     \
	X(ENETRESET, FBSD_ENETRESET)                                         \
	X(ECONNABORTED, FBSD_ECONNABORTED)                                   \
	X(ECONNRESET, FBSD_ECONNRESET)                                       \
	X(ENOBUFS, FBSD_ENOBUFS)                                             \
	X(EISCONN, FBSD_EISCONN)                                             \
	X(ENOTCONN, FBSD_ENOTCONN)                                           \
	X(ESHUTDOWN, FBSD_ESHUTDOWN)                                         \
	X(ETOOMANYREFS, FBSD_ETOOMANYREFS)                                   \
	X(ETIMEDOUT, FBSD_ETIMEDOUT)                                         \
	X(ECONNREFUSED, FBSD_ECONNREFUSED)                                   \
	X(EHOSTDOWN, FBSD_EHOSTDOWN)                                         \
	X(EHOSTUNREACH, FBSD_EHOSTUNREACH)                                   \
	X(EALREADY, FBSD_EALREADY)                                           \
	X(EINPROGRESS, FBSD_EINPROGRESS)                                     \
	X(ESTALE, FBSD_ESTALE)                                               \
	X(EUCLEAN, FBSD_EINTEGRITY) /* fs corruption detected */             \
	X(ENOTNAM, FBSD_EFTYPE)     /* XENIX named-file errors: wrong */     \
	X(ENAVAIL, FBSD_EFTYPE)     /* kind of file for the operation */     \
	X(EISNAM, FBSD_EFTYPE)                                               \
	X(EREMOTEIO, FBSD_EIO)      /* remote I/O error */                   \
	X(EDQUOT, FBSD_EDQUOT)                                               \
	X(ENOMEDIUM, FBSD_ENXIO)    /* FreeBSD drivers say ENXIO for no media */ \
	X(EMEDIUMTYPE, FBSD_EFTYPE) /* wrong medium type */                  \
	X(ECANCELED, FBSD_ECANCELED)                                         \
	X(ENOKEY, FBSD_EACCES)      /* fscrypt key missing: not accessible */ \
	X(EKEYEXPIRED, FBSD_EACCES)                                          \
	X(EKEYREVOKED, FBSD_EACCES)                                          \
	X(EKEYREJECTED, FBSD_EACCES)                                         \
	X(EOWNERDEAD, FBSD_EOWNERDEAD)                                       \
	X(ENOTRECOVERABLE, FBSD_ENOTRECOVERABLE)                             \
	X(ERFKILL, FBSD_ENETDOWN)   /* radio switched off */                 \
	X(EHWPOISON, FBSD_EIO)      /* memory page has hardware error */

/* Position of each line in the list, starting at 0 for EPERM. */
#define ERRNO_POS(l, f) ERRNO_POS_##l,
enum { LINUX_ERRNO_MAP(ERRNO_POS) ERRNO_COUNT };
#undef ERRNO_POS

/* Line n of the list is Linux errno n + 1: no gaps, no reordering ... */
#define ERRNO_CHECK(l, f) \
	_Static_assert(ERRNO_POS_##l + 1 == (l), "errno list out of order at " #l); \
	_Static_assert((f) >= 1 && (f) <= FBSD_ELAST, "bad FreeBSD value for " #l);
LINUX_ERRNO_MAP(ERRNO_CHECK)
#undef ERRNO_CHECK
/* ... and it ends at the last Linux errno. */
_Static_assert(ERRNO_COUNT == EHWPOISON, "errno list must cover 1..EHWPOISON");
_Static_assert(EHWPOISON == 133, "host errno numbering changed");

#define ERRNO_ENTRY(l, f) [l] = (f),
static const uint8_t linux_to_fbsd[EHWPOISON + 1] = { LINUX_ERRNO_MAP(ERRNO_ENTRY) };
#undef ERRNO_ENTRY
_Static_assert(sizeof(linux_to_fbsd) == EHWPOISON + 1, "table size");

/* A value outside the table (0, negative, or a future Linux errno) becomes
 * EIO: the operation did fail, and EIO is the generic hard failure every
 * caller treats as such.  EINVAL would wrongly blame the caller's arguments
 * and send programs into "flag not supported, try another way" fallbacks. */
int fbsd_errno(int host_errno)
{
	if (host_errno <= 0 || host_errno > EHWPOISON)
		return FBSD_EIO;
	return linux_to_fbsd[host_errno];
}

static const char *const fbsd_names[FBSD_ELAST + 1] = {
	[FBSD_EPERM] = "EPERM",
	[FBSD_ENOENT] = "ENOENT",
	[FBSD_ESRCH] = "ESRCH",
	[FBSD_EINTR] = "EINTR",
	[FBSD_EIO] = "EIO",
	[FBSD_ENXIO] = "ENXIO",
	[FBSD_E2BIG] = "E2BIG",
	[FBSD_ENOEXEC] = "ENOEXEC",
	[FBSD_EBADF] = "EBADF",
	[FBSD_ECHILD] = "ECHILD",
	[FBSD_EDEADLK] = "EDEADLK",
	[FBSD_ENOMEM] = "ENOMEM",
	[FBSD_EACCES] = "EACCES",
	[FBSD_EFAULT] = "EFAULT",
	[FBSD_ENOTBLK] = "ENOTBLK",
	[FBSD_EBUSY] = "EBUSY",
	[FBSD_EEXIST] = "EEXIST",
	[FBSD_EXDEV] = "EXDEV",
	[FBSD_ENODEV] = "ENODEV",
	[FBSD_ENOTDIR] = "ENOTDIR",
	[FBSD_EISDIR] = "EISDIR",
	[FBSD_EINVAL] = "EINVAL",
	[FBSD_ENFILE] = "ENFILE",
	[FBSD_EMFILE] = "EMFILE",
	[FBSD_ENOTTY] = "ENOTTY",
	[FBSD_ETXTBSY] = "ETXTBSY",
	[FBSD_EFBIG] = "EFBIG",
	[FBSD_ENOSPC] = "ENOSPC",
	[FBSD_ESPIPE] = "ESPIPE",
	[FBSD_EROFS] = "EROFS",
	[FBSD_EMLINK] = "EMLINK",
	[FBSD_EPIPE] = "EPIPE",
	[FBSD_EDOM] = "EDOM",
	[FBSD_ERANGE] = "ERANGE",
	[FBSD_EAGAIN] = "EAGAIN",
	[FBSD_EINPROGRESS] = "EINPROGRESS",
	[FBSD_EALREADY] = "EALREADY",
	[FBSD_ENOTSOCK] = "ENOTSOCK",
	[FBSD_EDESTADDRREQ] = "EDESTADDRREQ",
	[FBSD_EMSGSIZE] = "EMSGSIZE",
	[FBSD_EPROTOTYPE] = "EPROTOTYPE",
	[FBSD_ENOPROTOOPT] = "ENOPROTOOPT",
	[FBSD_EPROTONOSUPPORT] = "EPROTONOSUPPORT",
	[FBSD_ESOCKTNOSUPPORT] = "ESOCKTNOSUPPORT",
	[FBSD_EOPNOTSUPP] = "EOPNOTSUPP",
	[FBSD_EPFNOSUPPORT] = "EPFNOSUPPORT",
	[FBSD_EAFNOSUPPORT] = "EAFNOSUPPORT",
	[FBSD_EADDRINUSE] = "EADDRINUSE",
	[FBSD_EADDRNOTAVAIL] = "EADDRNOTAVAIL",
	[FBSD_ENETDOWN] = "ENETDOWN",
	[FBSD_ENETUNREACH] = "ENETUNREACH",
	[FBSD_ENETRESET] = "ENETRESET",
	[FBSD_ECONNABORTED] = "ECONNABORTED",
	[FBSD_ECONNRESET] = "ECONNRESET",
	[FBSD_ENOBUFS] = "ENOBUFS",
	[FBSD_EISCONN] = "EISCONN",
	[FBSD_ENOTCONN] = "ENOTCONN",
	[FBSD_ESHUTDOWN] = "ESHUTDOWN",
	[FBSD_ETOOMANYREFS] = "ETOOMANYREFS",
	[FBSD_ETIMEDOUT] = "ETIMEDOUT",
	[FBSD_ECONNREFUSED] = "ECONNREFUSED",
	[FBSD_ELOOP] = "ELOOP",
	[FBSD_ENAMETOOLONG] = "ENAMETOOLONG",
	[FBSD_EHOSTDOWN] = "EHOSTDOWN",
	[FBSD_EHOSTUNREACH] = "EHOSTUNREACH",
	[FBSD_ENOTEMPTY] = "ENOTEMPTY",
	[FBSD_EPROCLIM] = "EPROCLIM",
	[FBSD_EUSERS] = "EUSERS",
	[FBSD_EDQUOT] = "EDQUOT",
	[FBSD_ESTALE] = "ESTALE",
	[FBSD_EREMOTE] = "EREMOTE",
	[FBSD_EBADRPC] = "EBADRPC",
	[FBSD_ERPCMISMATCH] = "ERPCMISMATCH",
	[FBSD_EPROGUNAVAIL] = "EPROGUNAVAIL",
	[FBSD_EPROGMISMATCH] = "EPROGMISMATCH",
	[FBSD_EPROCUNAVAIL] = "EPROCUNAVAIL",
	[FBSD_ENOLCK] = "ENOLCK",
	[FBSD_ENOSYS] = "ENOSYS",
	[FBSD_EFTYPE] = "EFTYPE",
	[FBSD_EAUTH] = "EAUTH",
	[FBSD_ENEEDAUTH] = "ENEEDAUTH",
	[FBSD_EIDRM] = "EIDRM",
	[FBSD_ENOMSG] = "ENOMSG",
	[FBSD_EOVERFLOW] = "EOVERFLOW",
	[FBSD_ECANCELED] = "ECANCELED",
	[FBSD_EILSEQ] = "EILSEQ",
	[FBSD_ENOATTR] = "ENOATTR",
	[FBSD_EDOOFUS] = "EDOOFUS",
	[FBSD_EBADMSG] = "EBADMSG",
	[FBSD_EMULTIHOP] = "EMULTIHOP",
	[FBSD_ENOLINK] = "ENOLINK",
	[FBSD_EPROTO] = "EPROTO",
	[FBSD_ENOTCAPABLE] = "ENOTCAPABLE",
	[FBSD_ECAPMODE] = "ECAPMODE",
	[FBSD_ENOTRECOVERABLE] = "ENOTRECOVERABLE",
	[FBSD_EOWNERDEAD] = "EOWNERDEAD",
	[FBSD_EINTEGRITY] = "EINTEGRITY",
};
_Static_assert(FBSD_ELAST == 97, "update fbsd_names for a new ELAST");

const char *fbsd_errno_name(int fbsd_err)
{
	if (fbsd_err < 1 || fbsd_err > FBSD_ELAST)
		return NULL;
	return fbsd_names[fbsd_err];
}
