// A GSL generator type over Random123's Philox4x32-10 counter-based RNG.
//
// Why not Random123's own gsl_cbrng.h adapter: it keys the generator with a
// 32-bit seed only and exposes no way to set the counter. Funnelcast gives
// every trial, candidate and purpose its own stream by choosing the key and
// three of the four counter words; the fourth counts blocks within a stream.
// Not public API: Swift reaches it through Sampling.RandomStream.
#ifndef FUNNELCAST_FC_PHILOX_H
#define FUNNELCAST_FC_PHILOX_H

#include <stdint.h>
#include <gsl/gsl_rng.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The generator type, for gsl_rng_alloc. Outputs 32-bit integers;
/// gsl_rng_uniform returns doubles with 53 random bits, in [0, 1).
const gsl_rng_type *fc_philox_type(void);

/// Positions the generator at the start of the stream (key, c1, c2, c3):
/// the block counter and the output buffer are reset.
void fc_philox_seek(gsl_rng *r, uint64_t key, uint32_t c1, uint32_t c2, uint32_t c3);

/// One Philox4x32-10 block, for tests against the published known answers.
void fc_philox_block(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4]);

#ifdef __cplusplus
}
#endif
#endif
