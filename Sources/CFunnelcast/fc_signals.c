#include "fc_signals.h"
#include <errno.h>
#include <signal.h>
#include <string.h>

static volatile sig_atomic_t caught = 0;

static void on_signal(int signal) {
    if (caught == 0) caught = signal;
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

int fc_signals_caught(void) { return caught; }

void fc_signals_simulate(int signal) { on_signal(signal); }
