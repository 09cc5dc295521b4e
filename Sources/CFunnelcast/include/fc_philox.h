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

/// The generator's state (gsl_rng's `state`): counter, key, the current
/// block's outputs and how many of them are left. In the header only so
/// that fc_philox_seek can be inlined into the simulator's event loop,
/// which seeks once per candidate and purpose.
typedef struct {
    uint32_t ctr[4];
    uint32_t key[2];
    uint32_t out[4];
    int remaining;   // outputs of `out` not yet returned
} fc_philox_state;

/// Positions the generator at the start of the stream (key, c1, c2, c3):
/// the block counter and the output buffer are reset. A few stores; the
/// block is computed by the next draw.
static inline void fc_philox_seek(gsl_rng *r, uint64_t key, uint32_t c1, uint32_t c2, uint32_t c3) {
    fc_philox_state *st = (fc_philox_state *)r->state;
    st->key[0] = (uint32_t)key;
    st->key[1] = (uint32_t)(key >> 32);
    st->ctr[0] = 0;
    st->ctr[1] = c1;
    st->ctr[2] = c2;
    st->ctr[3] = c3;
    st->remaining = 0;
}

/// One Philox4x32-10 block, for tests against the published known answers.
void fc_philox_block(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4]);

#ifdef __cplusplus
}
#endif
#endif
