// The GSL headers Funnelcast uses, behind one module map.
// Not public API: Swift code reaches GSL only through the Sampling module.
#ifndef FUNNELCAST_CGSL_SHIM_H
#define FUNNELCAST_CGSL_SHIM_H

#include <gsl/gsl_errno.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_statistics_double.h>
#include <gsl/gsl_sort_double.h>

#endif
