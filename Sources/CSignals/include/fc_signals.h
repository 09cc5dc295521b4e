// Interrupts for the command-line tool: SIGINT and SIGTERM set a flag that
// the run checks between chunks of trials, so it can remove its temporary
// files and say what was not written. The handler does nothing else: it
// stores one lock-free atomic int, which is all a signal handler may safely
// do. Its own target so that only the command-line tool links it.
#ifndef FUNNELCAST_FC_SIGNALS_H
#define FUNNELCAST_FC_SIGNALS_H

#ifdef __cplusplus
extern "C" {
#endif

/// Installs the flag-setting handler for SIGINT and SIGTERM (sigaction,
/// SA_RESTART), and ignores SIGXFSZ so that writing past a file size limit
/// fails with EFBIG instead of killing the process. 0 on success, else errno.
int fc_signals_install(void);

/// The first SIGINT or SIGTERM received since the install, or 0.
int fc_signals_caught(void);

/// Sets the flag as the handler would (for tests).
void fc_signals_simulate(int signal);

#ifdef __cplusplus
}
#endif
#endif
