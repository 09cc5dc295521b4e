// The GSL headers the Calibration module uses beyond CGSL's: the
// multidimensional minimizers and the special functions of the likelihoods.
// Not public API: Swift code reaches them only through Calibration's
// `Minimizer` and `Likelihood` types.
#ifndef FUNNELCAST_CGSLFIT_SHIM_H
#define FUNNELCAST_CGSLFIT_SHIM_H

#include <gsl/gsl_multimin.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_erf.h>

/// The Nelder-Mead simplex (version 2) minimizer type: a GSL global that
/// Swift 6 will not read directly.
static inline const gsl_multimin_fminimizer_type *fc_fit_nmsimplex2(void) {
    return gsl_multimin_fminimizer_nmsimplex2;
}

#endif
