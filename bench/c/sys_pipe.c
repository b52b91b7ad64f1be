/* c-syscall (syscall): write(2) then read(2) of 64 bytes through a pipe,
 * raw system calls with no library in between: the cost of a guest
 * syscall round trip.  Size: SCALE x 1000000 pairs. */
#include "bench.h"

int main(int argc, char **argv)
{
	long n = 1000000 * b_scale(argc, argv);
	int fd[2];
	long r = sys(B_SYS_pipe2, fd, 0);
	if (r < 0) {
		t_dprintf(2, "pipe2: error %ld\n", -r);
		return 1;
	}
	unsigned char out[64], in[64];
	uint64_t h = 0;
	for (int i = 0; i < 64; i++)
		out[i] = (unsigned char)(i * 37);
	for (long i = 0; i < n; i++) {
		out[i & 63] ^= (unsigned char)i;
		if ((r = sys(B_SYS_write, fd[1], out, 64)) != 64) {
			t_dprintf(2, "write: %ld\n", r);
			return 1;
		}
		if ((r = sys(B_SYS_read, fd[0], in, 64)) != 64) {
			t_dprintf(2, "read: %ld\n", r);
			return 1;
		}
		h = b_mix(h, in[(i * 7) & 63]);
	}
	b_checksum(h);
	return 0;
}
