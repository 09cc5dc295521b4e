// The GSL headers Funnelcast uses, behind one module map: GSL is one C
// module. Not public API: Swift code reaches GSL only through the Sampling
// module (and the tests, for GSL's quadrature), and through Calibration's `Minimizer` and `Likelihood` types for
// the multidimensional minimizers and the likelihoods' special functions.
#ifndef FUNNELCAST_CGSL_SHIM_H
#define FUNNELCAST_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>
#include <gsl/gsl_multimin.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_erf.h>
#include <gsl/gsl_integration.h>

/// The Nelder-Mead simplex (version 2) minimizer type: a GSL global that
/// Swift 6 will not read directly.
static inline const gsl_multimin_fminimizer_type *fc_fit_nmsimplex2(void) {
    return gsl_multimin_fminimizer_nmsimplex2;
}

#endif
