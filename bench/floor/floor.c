/* The floor: the CPU cost of one 110-byte write() to each of N loopback TCP sockets, with no
 * WebSocket, HTTP or JSON around it. A child process holds the client ends and reads and discards.
 * Build: gcc -O2 -o floor floor.c     Run: ./floor N ROUNDS [PORT]     (ulimit -n > N + 16)
 * Prints the writer's CPU microseconds (user+sys, getrusage) per write. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static double cpu_us(void) {
  struct rusage r;
  getrusage(RUSAGE_SELF, &r);
  return (r.ru_utime.tv_sec + r.ru_stime.tv_sec) * 1e6 + r.ru_utime.tv_usec + r.ru_stime.tv_usec;
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: %s N ROUNDS [PORT]\n", argv[0]); return 2; }
  int n = atoi(argv[1]), rounds = atoi(argv[2]), one = 1;
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(argc > 3 ? atoi(argv[3]) : 0)};
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  int ls = socket(AF_INET, SOCK_STREAM, 0);
  setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (bind(ls, (struct sockaddr *)&a, len) || listen(ls, 4096) || getsockname(ls, (struct sockaddr *)&a, &len)) {
    perror("listen"); return 1;
  }
  pid_t child = fork();
  if (child == 0) { /* the readers: connect N sockets, then read and discard until EOF on all */
    int ep = epoll_create1(0), open = n;
    for (int i = 0; i < n; i++) {
      int c = socket(AF_INET, SOCK_STREAM, 0);
      if (connect(c, (struct sockaddr *)&a, sizeof a)) { perror("connect"); _exit(1); }
      struct epoll_event ev = {.events = EPOLLIN, .data.fd = c};
      epoll_ctl(ep, EPOLL_CTL_ADD, c, &ev);
    }
    struct epoll_event evs[256];
    char buf[65536];
    while (open > 0) {
      int k = epoll_wait(ep, evs, 256, -1);
      for (int i = 0; i < k; i++)
        if (read(evs[i].data.fd, buf, sizeof buf) <= 0) { close(evs[i].data.fd); open--; }
    }
    _exit(0);
  }
  int *s = malloc(n * sizeof *s);
  for (int i = 0; i < n; i++)
    if ((s[i] = accept(ls, NULL, NULL)) < 0) { perror("accept"); return 1; }
  char msg[110];
  memset(msg, 'x', sizeof msg);
  double t0 = cpu_us();
  long writes = 0;
  for (int r = 0; r < rounds; r++)
    for (int i = 0; i < n; i++) writes += write(s[i], msg, sizeof msg) == (ssize_t)sizeof msg;
  double used = cpu_us() - t0;
  for (int i = 0; i < n; i++) close(s[i]);
  waitpid(child, NULL, 0);
  printf("{\"label\":\"floor\",\"clients\":%d,\"rounds\":%d,\"writes\":%ld,\"cpu_us\":%.0f,"
         "\"cpu_us_per_write\":%.3f}\n", n, rounds, writes, used, used / writes);
  return writes == (long)n * rounds ? 0 : 1;
}
