#include "fc_signals.h"
#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>

/* Written by the handler, read by the worker threads: a lock-free atomic
   (async-signal-safe, and ordered across threads, which a volatile
   sig_atomic_t is not; ThreadSanitizer reports that as a race). */
static atomic_int caught = 0;

static void on_signal(int signal) {
    int none = 0;
    atomic_compare_exchange_strong(&caught, &none, signal);
}

int fc_signals_install(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    if (sigaction(SIGINT, &action, 0) != 0 || sigaction(SIGTERM, &action, 0) != 0) return errno;
    struct sigaction ignore;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    if (sigaction(SIGXFSZ, &ignore, 0) != 0) return errno;
    return 0;
}

int fc_signals_caught(void) { return atomic_load_explicit(&caught, memory_order_relaxed); }

void fc_signals_simulate(int signal) { on_signal(signal); }
