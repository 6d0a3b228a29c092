/* For the ThreadSanitizer run only (scripts/ci-tsan.sh builds this as a shared object and
 * LD_PRELOADs it into every process the tests start): makes two hand-overs between threads that
 * happen inside uninstrumented libraries visible to TSan, so that it reports races in Kafdesk's
 * code and not those hand-overs.
 *
 * 1. C11 <threads.h> on top of the pthread functions. Debian's librdkafka 2.0.2 creates its
 * threads and takes its locks with C11 threads (thrd_create, mtx_lock, cnd_wait ... @GLIBC_2.34).
 * glibc implements those by calling its own pthread functions internally, not through the PLT,
 * so clang-14's TSan, which intercepts the pthread symbols only, never sees them: librdkafka's
 * threads are unknown to it (they then crash in TSan's allocator, which has no state for them)
 * and its locks are no happens-before edges (so every hand-over through librdkafka, a delivery
 * report's opaque say, would be reported).
 * Each function here calls the pthread function by its public name. In a test executable (linked
 * with TSan's static runtime, which defines and exports pthread_create, pthread_mutex_lock ...)
 * those bind to TSan's interceptors, because the executable comes first in the lookup order; in
 * an uninstrumented process the tests start (kcat, the JVMs) they are glibc's own, which is what
 * glibc's C11 functions do anyway. The semantics follow glibc 2.36's nptl/thrd_*.c, mtx_*.c,
 * cnd_*.c and call_once.c, the error mapping its thrd_err_map.
 *
 * 2. Qt's queued calls, see the second half. */

#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdbool.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <threads.h>

_Static_assert(sizeof(mtx_t) == sizeof(pthread_mutex_t), "glibc's mtx_t is a pthread_mutex_t");
_Static_assert(sizeof(cnd_t) == sizeof(pthread_cond_t), "glibc's cnd_t is a pthread_cond_t");
_Static_assert(sizeof(once_flag) == sizeof(pthread_once_t), "glibc's once_flag is a pthread_once_t");
_Static_assert(sizeof(thrd_t) == sizeof(pthread_t), "glibc's thrd_t is a pthread_t");

static int errMap(int err)
{
    switch (err) {
    case 0:
        return thrd_success;
    case ENOMEM:
        return thrd_nomem;
    case ETIMEDOUT:
        return thrd_timedout;
    case EBUSY:
        return thrd_busy;
    default:
        return thrd_error;
    }
}

struct Start {
    thrd_start_t fn;
    void *arg;
};

/* A C11 thread function returns int; glibc passes it through the pthread result as a pointer,
 * and thrd_join converts it back. */
static void *trampoline(void *p)
{
    struct Start start = *(struct Start *)p;
    free(p);
    return (void *)(intptr_t)start.fn(start.arg);
}

int thrd_create(thrd_t *thr, thrd_start_t fn, void *arg)
{
    struct Start *start = malloc(sizeof *start);
    if (!start)
        return thrd_nomem;
    start->fn = fn;
    start->arg = arg;
    const int err = pthread_create((pthread_t *)thr, NULL, trampoline, start);
    if (err)
        free(start);
    return errMap(err);
}

int thrd_join(thrd_t thr, int *res)
{
    void *result = NULL;
    const int err = pthread_join((pthread_t)thr, &result);
    if (err == 0 && res)
        *res = (int)(intptr_t)result;
    return errMap(err);
}

int thrd_detach(thrd_t thr)
{
    return errMap(pthread_detach((pthread_t)thr));
}

_Noreturn void thrd_exit(int res)
{
    pthread_exit((void *)(intptr_t)res);
}

int mtx_init(mtx_t *mutex, int type)
{
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    /* mtx_plain and mtx_timed are a normal mutex (a normal pthread mutex can be timed-locked);
     * mtx_recursive is the one flag that changes the kind. */
    pthread_mutexattr_settype(&attr, (type & mtx_recursive) ? PTHREAD_MUTEX_RECURSIVE
                                                            : PTHREAD_MUTEX_NORMAL);
    const int err = pthread_mutex_init((pthread_mutex_t *)mutex, &attr);
    pthread_mutexattr_destroy(&attr);
    return errMap(err);
}

int mtx_lock(mtx_t *mutex)
{
    return errMap(pthread_mutex_lock((pthread_mutex_t *)mutex));
}

int mtx_timedlock(mtx_t *restrict mutex, const struct timespec *restrict deadline)
{
    return errMap(pthread_mutex_timedlock((pthread_mutex_t *)mutex, deadline));
}

int mtx_trylock(mtx_t *mutex)
{
    return errMap(pthread_mutex_trylock((pthread_mutex_t *)mutex));
}

int mtx_unlock(mtx_t *mutex)
{
    return errMap(pthread_mutex_unlock((pthread_mutex_t *)mutex));
}

void mtx_destroy(mtx_t *mutex)
{
    pthread_mutex_destroy((pthread_mutex_t *)mutex);
}

int cnd_init(cnd_t *cond)
{
    return errMap(pthread_cond_init((pthread_cond_t *)cond, NULL));
}

int cnd_signal(cnd_t *cond)
{
    return errMap(pthread_cond_signal((pthread_cond_t *)cond));
}

int cnd_broadcast(cnd_t *cond)
{
    return errMap(pthread_cond_broadcast((pthread_cond_t *)cond));
}

int cnd_wait(cnd_t *cond, mtx_t *mutex)
{
    return errMap(pthread_cond_wait((pthread_cond_t *)cond, (pthread_mutex_t *)mutex));
}

int cnd_timedwait(cnd_t *restrict cond, mtx_t *restrict mutex,
                  const struct timespec *restrict deadline)
{
    return errMap(
        pthread_cond_timedwait((pthread_cond_t *)cond, (pthread_mutex_t *)mutex, deadline));
}

void cnd_destroy(cnd_t *cond)
{
    pthread_cond_destroy((pthread_cond_t *)cond);
}

void call_once(once_flag *flag, void (*fn)(void))
{
    pthread_once((pthread_once_t *)flag, fn);
}

/* 2. QMetaObject::invokeMethod(receiver, functor or member function, type): the inline template
 * builds a QtPrivate::QSlotObjectBase on the calling thread (a lambda's captures moved into it)
 * and passes it to QMetaObject::invokeMethodImpl, which posts it to the receiver's thread. That
 * queue is guarded by a QMutex inside libQt6Core, the slot object is reference counted there, and
 * a BlockingQueuedConnection waits on a QSemaphore: all futexes and atomics in uninstrumented
 * code, so to TSan the slot object, and whatever its captures point to, is written on one thread
 * and read on another with nothing between them, and destroyed on one after the other used it.
 *
 * invokeMethodImpl is called from our executables through the PLT, so this definition takes its
 * place. It wraps the slot object in one of its own whose calls give TSan the edges Qt's queue
 * and reference count give the program: the calling thread releases before posting; each call on
 * the receiving thread acquires before and releases after; the destruction, wherever the last
 * reference goes, acquires first; a blocking caller acquires what the call released. The layout
 * is qobjectdefs_impl.h's QSlotObjectBase (Qt 6): a QAtomicInt, then the ImplFn pointer. */

struct SlotObject;
typedef void (*ImplFn)(int which, struct SlotObject *self, void *receiver, void **args, bool *ret);
struct SlotObject {
    int ref; /* QAtomicInt m_ref */
    ImplFn impl;
};
enum { SlotDestroy = 0, SlotCall = 1 };
enum { BlockingQueuedConnection = 3 };

struct Handoff {
    struct SlotObject base; /* first: Qt sees a slot object */
    struct SlotObject *inner;
};

typedef bool (*InvokeMethodImpl)(void *object, struct SlotObject *slot, int type, void *ret);
#define INVOKE_METHOD_IMPL "_ZN11QMetaObject16invokeMethodImplEP7QObjectPN9QtPrivate15QSlotObjectBaseEN2Qt14ConnectionTypeEPv"

static void (*tsanAcquire)(void *);
static void (*tsanRelease)(void *);
static InvokeMethodImpl realInvokeMethodImpl;
static int resolved;

/* Not pthread_once: TSan would see it, and make every caller acquire what the first one did.
 * Two threads resolving at once store the same values. */
static void resolve(void)
{
    if (__atomic_load_n(&resolved, __ATOMIC_ACQUIRE))
        return;
    InvokeMethodImpl real = (InvokeMethodImpl)dlvsym(RTLD_NEXT, INVOKE_METHOD_IMPL, "Qt_6");
    if (!real)
        real = (InvokeMethodImpl)dlsym(RTLD_NEXT, INVOKE_METHOD_IMPL);
    realInvokeMethodImpl = real;
    /* Only a TSan-built executable has these; elsewhere the slot object passes unwrapped. */
    tsanAcquire = (void (*)(void *))dlsym(RTLD_DEFAULT, "__tsan_acquire");
    tsanRelease = (void (*)(void *))dlsym(RTLD_DEFAULT, "__tsan_release");
    __atomic_store_n(&resolved, 1, __ATOMIC_RELEASE);
}

static void handoffImpl(int which, struct SlotObject *self, void *receiver, void **args, bool *ret)
{
    struct Handoff *h = (struct Handoff *)self;
    tsanAcquire(h);
    if (which == SlotDestroy) {
        /* Ours was the only reference to the inner object: invokeMethodImpl's was given to us. */
        h->inner->impl(SlotDestroy, h->inner, NULL, NULL, NULL);
        free(h);
        return;
    }
    h->inner->impl(which, h->inner, receiver, args, ret);
    tsanRelease(h);
    if (which == SlotCall && receiver)
        tsanRelease(receiver);
}

bool _ZN11QMetaObject16invokeMethodImplEP7QObjectPN9QtPrivate15QSlotObjectBaseEN2Qt14ConnectionTypeEPv(
    void *object, struct SlotObject *slot, int type, void *ret)
{
    resolve();
    if (!realInvokeMethodImpl)
        abort(); /* preloaded into a process whose Qt has no such function */
    struct Handoff *h = NULL;
    if (slot && tsanAcquire && tsanRelease)
        h = malloc(sizeof *h);
    if (!h)
        return realInvokeMethodImpl(object, slot, type, ret);
    h->base.ref = 1;
    h->base.impl = handoffImpl;
    h->inner = slot;
    tsanRelease(h);
    const bool ok = realInvokeMethodImpl(object, &h->base, type, ret);
    if (type == BlockingQueuedConnection && object)
        tsanAcquire(object);
    return ok;
}
