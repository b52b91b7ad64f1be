// TIMEOUT: 120
/* Message-passing litmus test, two threads:
 *
 *     T0: DATA = i; FLAG = i (release)     T1: f = FLAG (acquire); d = DATA
 *
 * Whenever T1 reads FLAG == f it must then read DATA >= f (DATA and FLAG
 * only grow).  Forms: STR; STLR / LDAR; LDR, the same with LDAPR (RCpc
 * acquire still orders later loads), and STR; DMB ISHST; STR / LDR;
 * DMB ISHLD; LDR.  One stale DATA fails the test. */
#include "thr_util.h"

#define ITERS 1000000L

enum { M_REL_ACQ, M_REL_ACQPC, M_DMB, NMODES };
static const char *const mode_name[NMODES] = { "str;stlr / ldar;ldr", "str;stlr / ldapr;ldr",
					       "str;dmb ishst;str / ldr;dmb ishld;ldr" };

static volatile unsigned long data __attribute__((aligned(64)));
static volatile unsigned long flag __attribute__((aligned(64)));
static volatile int mode, stop, ready;

static void writer(void *arg)
{
	int m = mode;
	while (!__atomic_load_n(&ready, __ATOMIC_ACQUIRE))
		;
	for (unsigned long i = 1; i <= ITERS; i++) {
		switch (m) {
		case M_REL_ACQ:
		case M_REL_ACQPC:
			__asm__ volatile("str %0, [%1]\n\tstlr %0, [%2]"
					 :: "r"(i), "r"(&data), "r"(&flag) : "memory");
			break;
		default:
			__asm__ volatile("str %0, [%1]\n\tdmb ishst\n\tstr %0, [%2]"
					 :: "r"(i), "r"(&data), "r"(&flag) : "memory");
			break;
		}
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
}

int main(int argc, char **argv, char **envp)
{
	for (int m = 0; m < NMODES; m++) {
		struct thr t;
		long reads = 0, stale = 0, seen_nonzero = 0;
		unsigned long f, d;

		data = 0;
		flag = 0;
		stop = 0;
		ready = 0;
		mode = m;
		CHECK_EQ(thr_start(&t, writer, 0), 0);
		__atomic_store_n(&ready, 1, __ATOMIC_RELEASE);
		while (!__atomic_load_n(&stop, __ATOMIC_ACQUIRE)) {
			switch (m) {
			case M_REL_ACQ:
				__asm__ volatile("ldar %0, [%2]\n\tldr %1, [%3]"
						 : "=&r"(f), "=&r"(d) : "r"(&flag), "r"(&data)
						 : "memory");
				break;
			case M_REL_ACQPC:
				__asm__ volatile(".arch_extension rcpc\n\tldapr %0, [%2]\n\tldr %1, [%3]"
						 : "=&r"(f), "=&r"(d) : "r"(&flag), "r"(&data)
						 : "memory");
				break;
			default:
				__asm__ volatile("ldr %0, [%2]\n\tdmb ishld\n\tldr %1, [%3]"
						 : "=&r"(f), "=&r"(d) : "r"(&flag), "r"(&data)
						 : "memory");
				break;
			}
			reads++;
			if (f && f < ITERS)
				seen_nonzero++;
			if (d < f)
				stale++;
		}
		thr_join(&t);
		t_printf("litmus_mp %s: %ld reads (%ld mid-run), %ld stale\n", mode_name[m], reads,
			 seen_nonzero, stale);
		CHECK_EQ(stale, 0);
	}
	return 0;
}
