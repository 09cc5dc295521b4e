// GSL's default error handler aborts the process. Funnelcast installs this
// one instead: it records the error in thread-local storage, and the Swift
// side (Sampling.GSL) turns a recorded error into a thrown GSLError.
#ifndef FUNNELCAST_FC_GSL_ERRORS_H
#define FUNNELCAST_FC_GSL_ERRORS_H

#ifdef __cplusplus
extern "C" {
#endif

/// Installs the recording handler, once per process (idempotent).
void fc_gsl_install_error_handler(void);

/// 1 where GSL's error handler is the recording one (installed at load time).
int fc_gsl_handler_is_installed(void);

/// The last error recorded on this thread since the last take, or 0.
/// `reason` and `file` point to GSL's static strings.
int fc_gsl_take_error(const char **reason, const char **file, int *line);

#ifdef __cplusplus
}
#endif
#endif
