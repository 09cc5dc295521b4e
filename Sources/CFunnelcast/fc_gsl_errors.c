#include "fc_gsl_errors.h"
#include <gsl/gsl_errno.h>

static _Thread_local int last_code = 0;
static _Thread_local const char *last_reason = 0;
static _Thread_local const char *last_file = 0;
static _Thread_local int last_line = 0;

static void record(const char *reason, const char *file, int line, int gsl_errno) {
    last_code = gsl_errno;
    last_reason = reason;
    last_file = file;
    last_line = line;
}

void fc_gsl_install_error_handler(void) { gsl_set_error_handler(&record); }

// Installed when the program (or test bundle) is loaded, before any code runs,
// so that no GSL call, from whichever module and thread, can reach GSL's
// default handler, which aborts. Sampling.GSL.configure installs it again
// (idempotent) for hosts that load the library without running constructors.
__attribute__((constructor)) static void fc_gsl_install_at_load(void) { gsl_set_error_handler(&record); }

int fc_gsl_handler_is_installed(void) {
    gsl_error_handler_t *current = gsl_set_error_handler(&record);
    gsl_set_error_handler(current);
    return current == &record;
}

int fc_gsl_take_error(const char **reason, const char **file, int *line) {
    int code = last_code;
    if (reason) *reason = last_reason;
    if (file) *file = last_file;
    if (line) *line = last_line;
    last_code = 0;
    return code;
}
