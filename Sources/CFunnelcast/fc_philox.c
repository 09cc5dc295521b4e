#include "fc_philox.h"
#include <Random123/philox.h>

static inline uint32_t next32(fc_philox_state *st) {
    if (st->remaining == 0) {
        philox4x32_ctr_t c = {{st->ctr[0], st->ctr[1], st->ctr[2], st->ctr[3]}};
        philox4x32_key_t k = {{st->key[0], st->key[1]}};
        philox4x32_ctr_t o = philox4x32(c, k);
        for (int i = 0; i < 4; i++) st->out[i] = o.v[i];
        st->ctr[0] += 1;
        st->remaining = 4;
    }
    return st->out[4 - st->remaining--];
}

static unsigned long int fc_get(void *vstate) {
    return next32((fc_philox_state *)vstate);
}

static double fc_get_double(void *vstate) {
    fc_philox_state *st = (fc_philox_state *)vstate;
    uint64_t hi = next32(st) >> 5;   // 27 bits
    uint64_t lo = next32(st) >> 6;   // 26 bits
    return (double)((hi << 26) | lo) * (1.0 / 9007199254740992.0);
}

static void fc_set(void *vstate, unsigned long int seed) {
    fc_philox_state *st = (fc_philox_state *)vstate;
    st->key[0] = (uint32_t)seed;
    st->key[1] = (uint32_t)((uint64_t)seed >> 32);
    st->ctr[0] = st->ctr[1] = st->ctr[2] = st->ctr[3] = 0;
    st->remaining = 0;
}

static const gsl_rng_type fc_philox_gsl_type = {
    "funnelcast-philox4x32",
    0xffffffffUL,
    0,
    sizeof(fc_philox_state),
    &fc_set,
    &fc_get,
    &fc_get_double
};

const gsl_rng_type *fc_philox_type(void) { return &fc_philox_gsl_type; }

void fc_philox_block(const uint32_t ctr[4], const uint32_t key[2], uint32_t out[4]) {
    philox4x32_ctr_t c = {{ctr[0], ctr[1], ctr[2], ctr[3]}};
    philox4x32_key_t k = {{key[0], key[1]}};
    philox4x32_ctr_t o = philox4x32(c, k);
    for (int i = 0; i < 4; i++) out[i] = o.v[i];
}
