/* timeit: run one benchmark command and report its cost.
 *
 *   timeit OUT ERR PROGRAM [ARGS...]
 *
 * Runs PROGRAM with stdout to file OUT and stderr to file ERR, waits for it
 * and prints one line on stdout:
 *
 *   wall=SECONDS user=SECONDS sys=SECONDS status=exit:N | status=signal:N
 *
 * Wall time comes from CLOCK_MONOTONIC around fork..wait4, user and system
 * time from wait4's rusage (the child and everything it waited for).  A
 * separate helper rather than bash's `time` so that the numbers and the
 * exit status arrive in one parseable line.  Host tool, built with gcc. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double tv_sec(struct timeval tv)
{
	return tv.tv_sec + tv.tv_usec / 1e6;
}

static int open_out(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		fprintf(stderr, "timeit: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	return fd;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: timeit OUT ERR PROGRAM [ARGS...]\n");
		return 2;
	}
	int out = open_out(argv[1]), err = open_out(argv[2]);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	if (pid < 0) {
		perror("timeit: fork");
		return 2;
	}
	if (pid == 0) {
		dup2(out, 1);
		dup2(err, 2);
		execvp(argv[3], argv + 3);
		fprintf(stderr, "timeit: %s: %s\n", argv[3], strerror(errno));
		_exit(127);
	}
	int st;
	struct rusage ru;
	while (wait4(pid, &st, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("timeit: wait4");
			return 2;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double wall = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("wall=%.3f user=%.3f sys=%.3f status=", wall,
	       tv_sec(ru.ru_utime), tv_sec(ru.ru_stime));
	if (WIFSIGNALED(st))
		printf("signal:%d\n", WTERMSIG(st));
	else
		printf("exit:%d\n", WEXITSTATUS(st));
	return 0;
}
