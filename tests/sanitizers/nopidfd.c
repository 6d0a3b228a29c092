/* nopidfd COMMAND [ARG...]: runs COMMAND with waitid(P_PIDFD, ...) failing with EINVAL, as on a
 * kernel before 5.4, for the ThreadSanitizer run only (scripts/ci-tsan.sh runs ctest under it).
 *
 * Why: Qt 6.4 starts a QProcess with forkfd, which, when the kernel has pidfds, forks with
 * clone(CLONE_VM | CLONE_VFORK | CLONE_PIDFD) straight through the system call: the child runs on
 * the parent's memory behind TSan's back, and clang-14's runtime crashes in it ("CHECK failed:
 * tsan_rtl.cpp", SIGSEGV) at the first QProcess::start. forkfd decides whether pidfds work once,
 * with waitid(P_PIDFD, INT_MAX, ...): EBADF means yes, any other error no (forkfd_linux.c,
 * detect_clone_pidfd_support). Told no, it forks the classic way, with fork() and its SIGCHLD
 * handler, which TSan intercepts and handles.
 *
 * The filter is a seccomp one, so it holds for every process started below (ctest, the tests,
 * kafdesk-ctl, kcat, the brokers' JVMs, python): only waitid with P_PIDFD changes, which nothing
 * but forkfd uses here (glibc's waitpid and posix_spawn, the JVM's and python's process handling
 * do not). Setting it needs no privilege: PR_SET_NO_NEW_PRIVS first, as seccomp requires. */

#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

#if defined(__x86_64__)
#define KAFDESK_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define KAFDESK_AUDIT_ARCH AUDIT_ARCH_AARCH64
#else
#error "nopidfd: add this architecture's AUDIT_ARCH_ value"
#endif

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s COMMAND [ARG...]\n", argv[0]);
        return 2;
    }
    /* Other architectures' (and x32's) system calls pass unchanged: only this ABI's waitid with
     * idtype P_PIDFD (the low 32 bits of the first argument, an int) fails. */
    struct sock_filter code[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, KAFDESK_AUDIT_ARCH, 0, 5),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_waitid, 0, 3),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[0])),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, P_PIDFD, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EINVAL & SECCOMP_RET_DATA)),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    struct sock_fprog prog = {.len = sizeof code / sizeof code[0], .filter = code};
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
        fprintf(stderr, "nopidfd: PR_SET_NO_NEW_PRIVS: %s\n", strerror(errno));
        return 125;
    }
    if (syscall(__NR_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) != 0) {
        fprintf(stderr, "nopidfd: seccomp filter: %s\n", strerror(errno));
        return 125;
    }
    execvp(argv[1], argv + 1);
    fprintf(stderr, "nopidfd: %s: %s\n", argv[1], strerror(errno));
    return 127;
}
