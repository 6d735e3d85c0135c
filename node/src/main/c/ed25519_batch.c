/*
 * Ed25519 batch verification for dtenge (Apache-2.0).
 *
 * Checks n signatures at once with one multi-scalar multiplication: for random 128-bit z_i,
 *
 *     [8] ( [sum z_i s_i] B  -  sum [z_i] R_i  -  sum [z_i h_i mod L] A_i )  ==  identity
 *
 * where h_i = SHA-512(R_i || A_i || M_i) mod L. If every signature is valid, the sum is the identity;
 * if any is not, it is the identity with probability at most 2^-125. The equation is the cofactored
 * one (as in ZIP 215), so one signature checked alone (n = 1) gets the same answer as in any batch.
 * Before the equation, each signature is checked as libsodium checks it: s below L, A and R canonical
 * encodings of curve points, neither of small order.
 *
 * The field is GF(2^255 - 19) in five 51-bit limbs; points are in extended coordinates, with the
 * formulas of the ref10 implementation (Bernstein, Duif, Lange, Schwabe, Yang). SHA-512, scalar
 * arithmetic modulo L and random bytes come from libsodium, which this library links against.
 *
 * Nothing here is secret: verification is public, so the code is variable-time.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <stdlib.h>

/* libsodium's declarations (sodium.h need not be installed to build this). */
int sodium_init(void);
void randombytes_buf(void *buf, size_t size);
int crypto_hash_sha512_init(void *state);
int crypto_hash_sha512_update(void *state, const unsigned char *in, unsigned long long inlen);
int crypto_hash_sha512_final(void *state, unsigned char *out);
size_t crypto_hash_sha512_statebytes(void);
void crypto_core_ed25519_scalar_reduce(unsigned char *r, const unsigned char *s);
void crypto_core_ed25519_scalar_mul(unsigned char *z, const unsigned char *x, const unsigned char *y);
void crypto_core_ed25519_scalar_add(unsigned char *z, const unsigned char *x, const unsigned char *y);

typedef uint64_t fe[5];
typedef unsigned __int128 u128;

static const uint64_t MASK51 = (1ULL << 51) - 1;

static void fe_carry(fe h) {
    uint64_t c;
    c = h[0] >> 51; h[0] &= MASK51; h[1] += c;
    c = h[1] >> 51; h[1] &= MASK51; h[2] += c;
    c = h[2] >> 51; h[2] &= MASK51; h[3] += c;
    c = h[3] >> 51; h[3] &= MASK51; h[4] += c;
    c = h[4] >> 51; h[4] &= MASK51; h[0] += 19 * c;
}

static void fe_copy(fe h, const fe f) { memcpy(h, f, sizeof(fe)); }
static void fe_zero(fe h) { memset(h, 0, sizeof(fe)); }
static void fe_one(fe h) { fe_zero(h); h[0] = 1; }

/*
 * f + g without carrying. fe_mul, fe_sq, fe_sub and fe_frombytes give limbs of at most 2^51 + 2^11; the
 * formulas below add at most three of those before a product, so limbs stay under 2^52.6. fe_mul and
 * fe_sq take limbs under 2^54 (their 128-bit sums and the carries out of them fit), and fe_sub takes a
 * g under 2^53 (the 4p it adds first).
 */
static void fe_add(fe h, const fe f, const fe g) {
    for (int i = 0; i < 5; i++) h[i] = f[i] + g[i];
}

/* f - g, with 4p added so that no limb goes below zero for inputs below 2^53 a limb. */
static void fe_sub(fe h, const fe f, const fe g) {
    h[0] = (f[0] + 0x1fffffffffffb4ULL) - g[0];
    h[1] = (f[1] + 0x1ffffffffffffcULL) - g[1];
    h[2] = (f[2] + 0x1ffffffffffffcULL) - g[2];
    h[3] = (f[3] + 0x1ffffffffffffcULL) - g[3];
    h[4] = (f[4] + 0x1ffffffffffffcULL) - g[4];
    fe_carry(h);
}

static void fe_neg(fe h, const fe f) {
    fe zero;
    fe_zero(zero);
    fe_sub(h, zero, f);
}

static void fe_mul(fe h, const fe f, const fe g) {
    uint64_t f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4];
    uint64_t g0 = g[0], g1 = g[1], g2 = g[2], g3 = g[3], g4 = g[4];
    uint64_t g1_19 = 19 * g1, g2_19 = 19 * g2, g3_19 = 19 * g3, g4_19 = 19 * g4;
    u128 r0 = (u128) f0 * g0 + (u128) f1 * g4_19 + (u128) f2 * g3_19 + (u128) f3 * g2_19 + (u128) f4 * g1_19;
    u128 r1 = (u128) f0 * g1 + (u128) f1 * g0 + (u128) f2 * g4_19 + (u128) f3 * g3_19 + (u128) f4 * g2_19;
    u128 r2 = (u128) f0 * g2 + (u128) f1 * g1 + (u128) f2 * g0 + (u128) f3 * g4_19 + (u128) f4 * g3_19;
    u128 r3 = (u128) f0 * g3 + (u128) f1 * g2 + (u128) f2 * g1 + (u128) f3 * g0 + (u128) f4 * g4_19;
    u128 r4 = (u128) f0 * g4 + (u128) f1 * g3 + (u128) f2 * g2 + (u128) f3 * g1 + (u128) f4 * g0;
    r1 += (uint64_t) (r0 >> 51); uint64_t h0 = (uint64_t) r0 & MASK51;
    r2 += (uint64_t) (r1 >> 51); uint64_t h1 = (uint64_t) r1 & MASK51;
    r3 += (uint64_t) (r2 >> 51); uint64_t h2 = (uint64_t) r2 & MASK51;
    r4 += (uint64_t) (r3 >> 51); uint64_t h3 = (uint64_t) r3 & MASK51;
    uint64_t c = (uint64_t) (r4 >> 51); uint64_t h4 = (uint64_t) r4 & MASK51;
    h0 += c * 19;
    h1 += h0 >> 51; h0 &= MASK51;
    h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4;
}

static void fe_sq(fe h, const fe f) {
    uint64_t f0 = f[0], f1 = f[1], f2 = f[2], f3 = f[3], f4 = f[4];
    uint64_t f0_2 = 2 * f0, f1_2 = 2 * f1;
    uint64_t f1_38 = 38 * f1, f2_38 = 38 * f2, f3_38 = 38 * f3;
    uint64_t f3_19 = 19 * f3, f4_19 = 19 * f4;
    u128 r0 = (u128) f0 * f0 + (u128) f1_38 * f4 + (u128) f2_38 * f3;
    u128 r1 = (u128) f0_2 * f1 + (u128) f2_38 * f4 + (u128) f3_19 * f3;
    u128 r2 = (u128) f0_2 * f2 + (u128) f1 * f1 + (u128) f3_38 * f4;
    u128 r3 = (u128) f0_2 * f3 + (u128) f1_2 * f2 + (u128) f4_19 * f4;
    u128 r4 = (u128) f0_2 * f4 + (u128) f1_2 * f3 + (u128) f2 * f2;
    r1 += (uint64_t) (r0 >> 51); uint64_t h0 = (uint64_t) r0 & MASK51;
    r2 += (uint64_t) (r1 >> 51); uint64_t h1 = (uint64_t) r1 & MASK51;
    r3 += (uint64_t) (r2 >> 51); uint64_t h2 = (uint64_t) r2 & MASK51;
    r4 += (uint64_t) (r3 >> 51); uint64_t h3 = (uint64_t) r3 & MASK51;
    uint64_t c = (uint64_t) (r4 >> 51); uint64_t h4 = (uint64_t) r4 & MASK51;
    h0 += c * 19;
    h1 += h0 >> 51; h0 &= MASK51;
    h[0] = h0; h[1] = h1; h[2] = h2; h[3] = h3; h[4] = h4;
}

static void fe_sq_times(fe h, const fe f, int times) {
    fe_sq(h, f);
    for (int i = 1; i < times; i++) fe_sq(h, h);
}

static uint64_t load64(const unsigned char *s) {
    uint64_t w;
    memcpy(&w, s, 8); /* x86-64 and arm64 Linux are little-endian */
    return w;
}

/* The low 255 bits of s; the top bit (a point's sign) is ignored. */
static void fe_frombytes(fe h, const unsigned char s[32]) {
    uint64_t w0 = load64(s), w1 = load64(s + 8), w2 = load64(s + 16), w3 = load64(s + 24);
    h[0] = w0 & MASK51;
    h[1] = ((w0 >> 51) | (w1 << 13)) & MASK51;
    h[2] = ((w1 >> 38) | (w2 << 26)) & MASK51;
    h[3] = ((w2 >> 25) | (w3 << 39)) & MASK51;
    h[4] = (w3 >> 12) & MASK51;
}

/* The canonical encoding: the value fully reduced below p. */
static void fe_tobytes(unsigned char s[32], const fe f) {
    fe h;
    fe_copy(h, f);
    fe_carry(h);
    fe_carry(h);
    /* h < 2^255 + small now; q is 1 exactly when h >= p */
    uint64_t q = (h[0] + 19) >> 51;
    q = (h[1] + q) >> 51;
    q = (h[2] + q) >> 51;
    q = (h[3] + q) >> 51;
    q = (h[4] + q) >> 51;
    h[0] += 19 * q;
    h[1] += h[0] >> 51; h[0] &= MASK51;
    h[2] += h[1] >> 51; h[1] &= MASK51;
    h[3] += h[2] >> 51; h[2] &= MASK51;
    h[4] += h[3] >> 51; h[3] &= MASK51;
    h[4] &= MASK51;
    uint64_t w0 = h[0] | (h[1] << 51);
    uint64_t w1 = (h[1] >> 13) | (h[2] << 38);
    uint64_t w2 = (h[2] >> 26) | (h[3] << 25);
    uint64_t w3 = (h[3] >> 39) | (h[4] << 12);
    memcpy(s, &w0, 8); memcpy(s + 8, &w1, 8); memcpy(s + 16, &w2, 8); memcpy(s + 24, &w3, 8);
}

static int fe_iszero(const fe f) {
    unsigned char s[32];
    fe_tobytes(s, f);
    unsigned char any = 0;
    for (int i = 0; i < 32; i++) any |= s[i];
    return any == 0;
}

static int fe_isnegative(const fe f) {
    unsigned char s[32];
    fe_tobytes(s, f);
    return s[0] & 1;
}

/* z^(2^250 - 1) into t, and z^11 into z11: the common start of inversion and square roots. */
static void fe_pow2_250_1(fe t, fe z11, const fe z) {
    fe t0, t1, t2;
    fe_sq(t0, z);              /* z^2 */
    fe_sq_times(t1, t0, 2);    /* z^8 */
    fe_mul(t1, z, t1);         /* z^9 */
    fe_mul(z11, t0, t1);       /* z^11 */
    fe_sq(t0, z11);            /* z^22 */
    fe_mul(t0, t1, t0);        /* z^(2^5 - 1) */
    fe_sq_times(t1, t0, 5);
    fe_mul(t0, t1, t0);        /* z^(2^10 - 1) */
    fe_sq_times(t1, t0, 10);
    fe_mul(t1, t1, t0);        /* z^(2^20 - 1) */
    fe_sq_times(t2, t1, 20);
    fe_mul(t1, t2, t1);        /* z^(2^40 - 1) */
    fe_sq_times(t1, t1, 10);
    fe_mul(t0, t1, t0);        /* z^(2^50 - 1) */
    fe_sq_times(t1, t0, 50);
    fe_mul(t1, t1, t0);        /* z^(2^100 - 1) */
    fe_sq_times(t2, t1, 100);
    fe_mul(t1, t2, t1);        /* z^(2^200 - 1) */
    fe_sq_times(t1, t1, 50);
    fe_mul(t, t1, t0);         /* z^(2^250 - 1) */
}

/* z^(p - 2) = 1/z */
static void fe_invert(fe out, const fe z) {
    fe t, z11;
    fe_pow2_250_1(t, z11, z);
    fe_sq_times(t, t, 5);      /* z^(2^255 - 32) */
    fe_mul(out, t, z11);       /* z^(2^255 - 21) */
}

/* z^((p - 5) / 8) = z^(2^252 - 3) */
static void fe_pow22523(fe out, const fe z) {
    fe t, z11;
    fe_pow2_250_1(t, z11, z);
    fe_sq_times(t, t, 2);      /* z^(2^252 - 4) */
    fe_mul(out, t, z);
}

typedef struct { fe X, Y, Z, T; } ge_p3;      /* x = X/Z, y = Y/Z, xy = T/Z */
typedef struct { fe X, Y, Z; } ge_p2;
typedef struct { fe X, Y, Z, T; } ge_p1p1;    /* x = X/Z, y = Y/T */
typedef struct { fe YplusX, YminusX, Z, T2d; } ge_cached;

static fe D, D2, SQRTM1;
static ge_cached B_TABLE[8]; /* B, 3B, ..., 15B */

static void p1p1_to_p2(ge_p2 *r, const ge_p1p1 *p) {
    fe_mul(r->X, p->X, p->T);
    fe_mul(r->Y, p->Y, p->Z);
    fe_mul(r->Z, p->Z, p->T);
}

static void p1p1_to_p3(ge_p3 *r, const ge_p1p1 *p) {
    fe_mul(r->X, p->X, p->T);
    fe_mul(r->Y, p->Y, p->Z);
    fe_mul(r->Z, p->Z, p->T);
    fe_mul(r->T, p->X, p->Y);
}

static void p2_dbl(ge_p1p1 *r, const ge_p2 *p) {
    fe t0;
    fe_sq(r->X, p->X);
    fe_sq(r->Z, p->Y);
    fe_sq(r->T, p->Z);
    fe_add(r->T, r->T, r->T);
    fe_add(r->Y, p->X, p->Y);
    fe_sq(t0, r->Y);
    fe_add(r->Y, r->Z, r->X);
    fe_sub(r->Z, r->Z, r->X);
    fe_sub(r->X, t0, r->Y);
    fe_sub(r->T, r->T, r->Z);
}

static void p3_to_p2(ge_p2 *r, const ge_p3 *p) {
    fe_copy(r->X, p->X);
    fe_copy(r->Y, p->Y);
    fe_copy(r->Z, p->Z);
}

static void p3_dbl(ge_p1p1 *r, const ge_p3 *p) {
    ge_p2 q;
    p3_to_p2(&q, p);
    p2_dbl(r, &q);
}

static void p3_to_cached(ge_cached *r, const ge_p3 *p) {
    fe_add(r->YplusX, p->Y, p->X);
    fe_sub(r->YminusX, p->Y, p->X);
    fe_copy(r->Z, p->Z);
    fe_mul(r->T2d, p->T, D2);
}

static void ge_add(ge_p1p1 *r, const ge_p3 *p, const ge_cached *q) {
    fe t0;
    fe_add(r->X, p->Y, p->X);
    fe_sub(r->Y, p->Y, p->X);
    fe_mul(r->Z, r->X, q->YplusX);
    fe_mul(r->Y, r->Y, q->YminusX);
    fe_mul(r->T, q->T2d, p->T);
    fe_mul(r->X, p->Z, q->Z);
    fe_add(t0, r->X, r->X);
    fe_sub(r->X, r->Z, r->Y);
    fe_add(r->Y, r->Z, r->Y);
    fe_add(r->Z, t0, r->T);
    fe_sub(r->T, t0, r->T);
}

static void ge_sub(ge_p1p1 *r, const ge_p3 *p, const ge_cached *q) {
    fe t0;
    fe_add(r->X, p->Y, p->X);
    fe_sub(r->Y, p->Y, p->X);
    fe_mul(r->Z, r->X, q->YminusX);
    fe_mul(r->Y, r->Y, q->YplusX);
    fe_mul(r->T, q->T2d, p->T);
    fe_mul(r->X, p->Z, q->Z);
    fe_add(t0, r->X, r->X);
    fe_sub(r->X, r->Z, r->Y);
    fe_add(r->Y, r->Z, r->Y);
    fe_sub(r->Z, t0, r->T);
    fe_add(r->T, t0, r->T);
}

/*
 * The point encoded in s, negated when negate is set. Fails (returns -1) unless s is the canonical
 * encoding of a curve point: y below p, x a square root, and no sign bit on x = 0.
 */
static int ge_frombytes(ge_p3 *h, const unsigned char s[32], int negate) {
    fe u, v, v3, vxx, check;
    unsigned char again[32];
    fe_frombytes(h->Y, s);
    fe_tobytes(again, h->Y);
    if (memcmp(again, s, 31) != 0 || again[31] != (s[31] & 0x7f)) {
        return -1; /* y >= p */
    }
    fe_one(h->Z);
    fe_sq(u, h->Y);
    fe_mul(v, u, D);
    fe_sub(u, u, h->Z);        /* u = y^2 - 1 */
    fe_add(v, v, h->Z);        /* v = d y^2 + 1 */
    fe_sq(v3, v);
    fe_mul(v3, v3, v);         /* v^3 */
    fe_sq(h->X, v3);
    fe_mul(h->X, h->X, v);
    fe_mul(h->X, h->X, u);     /* u v^7 */
    fe_pow22523(h->X, h->X);
    fe_mul(h->X, h->X, v3);
    fe_mul(h->X, h->X, u);     /* x = u v^3 (u v^7)^((p-5)/8) */
    fe_sq(vxx, h->X);
    fe_mul(vxx, vxx, v);
    fe_sub(check, vxx, u);
    if (!fe_iszero(check)) {
        fe_add(check, vxx, u);
        if (!fe_iszero(check)) {
            return -1; /* no square root: not on the curve */
        }
        fe_mul(h->X, h->X, SQRTM1);
    }
    int sign = s[31] >> 7;
    if (fe_iszero(h->X) && sign) {
        return -1;
    }
    if (fe_isnegative(h->X) != sign) {
        fe_neg(h->X, h->X);
    }
    if (negate) {
        fe_neg(h->X, h->X);
    }
    fe_mul(h->T, h->X, h->Y);
    return 0;
}

/* Whether [8]P is the identity, that is, whether P is of small order. */
static int ge_has_small_order(const ge_p3 *p) {
    ge_p1p1 t;
    ge_p2 q;
    p3_to_p2(&q, p);
    for (int i = 0; i < 3; i++) {
        p2_dbl(&t, &q);
        p1p1_to_p2(&q, &t);
    }
    fe diff;
    fe_sub(diff, q.Y, q.Z);
    return fe_iszero(q.X) && fe_iszero(diff);
}

/* Odd multiples P, 3P, ..., (2 count - 1) P, for count from 1 to 8. */
static void odd_multiples(ge_cached table[8], const ge_p3 *p, int count) {
    ge_p1p1 t;
    ge_p3 p2, u;
    p3_to_cached(&table[0], p);
    if (count == 1) return;
    p3_dbl(&t, p);
    p1p1_to_p3(&p2, &t);
    for (int i = 1; i < count; i++) {
        ge_add(&t, &p2, &table[i - 1]);
        p1p1_to_p3(&u, &t);
        p3_to_cached(&table[i], &u);
    }
}

/*
 * The scalar a (little-endian, below 2^255) in width-5 non-adjacent form: r[i] is 0 or odd in
 * [-15, 15], and of any five digits in a row at most one is not 0. Answers how many odd multiples the
 * digits use: 1 + the largest |digit| / 2. (The window method of curve25519-dalek's non_adjacent_form.)
 */
static int slide(signed char r[256], const unsigned char a[32]) {
    uint64_t x[5] = {load64(a), load64(a + 8), load64(a + 16), load64(a + 24), 0};
    memset(r, 0, 256);
    int largest = 1;
    uint64_t carry = 0;
    int pos = 0;
    while (pos < 256) {
        int word = pos / 64;
        int bit = pos % 64;
        uint64_t bits = bit < 64 - 5 ? x[word] >> bit : (x[word] >> bit) | (x[word + 1] << (64 - bit));
        uint64_t window = carry + (bits & 31);
        if ((window & 1) == 0) {
            pos += 1;
            continue;
        }
        int digit;
        if (window < 16) {
            carry = 0;
            digit = (int) window;
        } else {
            carry = 1;
            digit = (int) window - 32;
        }
        r[pos] = (signed char) digit;
        int magnitude = digit < 0 ? -digit : digit;
        if (magnitude > largest) largest = magnitude;
        pos += 5;
    }
    return 1 + largest / 2;
}

static const unsigned char L_BYTES[32] = {
    0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10};

/* Whether s < L. */
static int scalar_is_canonical(const unsigned char s[32]) {
    for (int i = 31; i >= 0; i--) {
        if (s[i] < L_BYTES[i]) return 1;
        if (s[i] > L_BYTES[i]) return 0;
    }
    return 0;
}

static const unsigned char B_BYTES[32] = {
    0x58, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
    0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66};

static int initialised = 0;

/* Sets up the constants; 0 on success. Call once, before any verification. */
int dtenge_ed25519_init(void) {
    if (initialised) return 0;
    if (sodium_init() < 0) return -1;
    fe num, den;
    fe_zero(num); num[0] = 121665;
    fe_neg(num, num);
    fe_zero(den); den[0] = 121666;
    fe_invert(den, den);
    fe_mul(D, num, den);                    /* d = -121665/121666 */
    fe_add(D2, D, D);
    /* sqrt(-1) = 2^((p-1)/4), since 2 is not a square mod p; (p-1)/4 = 2^253 - 5 = 2 (2^252 - 3) + 1 */
    fe two, t;
    fe_zero(two); two[0] = 2;
    fe_pow22523(t, two);
    fe_sq(t, t);
    fe_mul(SQRTM1, t, two);
    fe sq;
    fe_sq(sq, SQRTM1);
    fe_add(sq, sq, (fe) {1, 0, 0, 0, 0});
    if (!fe_iszero(sq)) return -1;
    ge_p3 b;
    if (ge_frombytes(&b, B_BYTES, 0) != 0) return -1;
    odd_multiples(B_TABLE, &b, 8);
    initialised = 1;
    return 0;
}

enum { BATCH_MAX = 256 };

typedef struct {
    ge_cached table[8];
    signed char digits[256];
} term;

/*
 * Verifies n signatures: sigs holds n 64-byte signatures, keys n 32-byte public keys, and messages
 * their messages one after another, message i ending at message_ends[i]. Answers 0 when every one is
 * valid, -1 when at least one is not (which, the caller checks one by one), -2 for bad arguments.
 */
int dtenge_ed25519_verify_batch(const unsigned char *sigs, const unsigned char *keys, const unsigned char *messages,
                                const uint64_t *message_ends, uint32_t n) {
    if (!initialised || n == 0 || n > BATCH_MAX) return -2;
    term *terms = malloc(sizeof(term) * (2 * (size_t) n + 1));
    if (terms == NULL) return -2;
    unsigned char z[32], zs[32], b_scalar[32], hash[64], h[32], zh[32];
    _Alignas(64) unsigned char state[512]; /* libsodium's SHA-512 state, of crypto_hash_sha512_statebytes() */
    if (crypto_hash_sha512_statebytes() > sizeof state) { free(terms); return -2; }
    memset(b_scalar, 0, 32);
    int result = 0;
    uint64_t start = 0;
    for (uint32_t i = 0; i < n && result == 0; i++) {
        const unsigned char *sig = sigs + 64 * (size_t) i;
        const unsigned char *key = keys + 32 * (size_t) i;
        uint64_t end = message_ends[i];
        if (end < start) { result = -2; break; }
        ge_p3 a, r;
        if (!scalar_is_canonical(sig + 32)
            || ge_frombytes(&r, sig, 1) != 0 || ge_has_small_order(&r)
            || ge_frombytes(&a, key, 1) != 0 || ge_has_small_order(&a)) {
            result = -1;
            break;
        }
        crypto_hash_sha512_init(state);
        crypto_hash_sha512_update(state, sig, 32);
        crypto_hash_sha512_update(state, key, 32);
        crypto_hash_sha512_update(state, messages + start, end - start);
        crypto_hash_sha512_final(state, hash);
        crypto_core_ed25519_scalar_reduce(h, hash);
        start = end;
        memset(z, 0, 32);
        if (n == 1) {
            z[0] = 1; /* one equation alone needs no random combination */
        } else {
            randombytes_buf(z, 16);
        }
        crypto_core_ed25519_scalar_mul(zs, z, sig + 32);
        crypto_core_ed25519_scalar_add(b_scalar, b_scalar, zs);
        crypto_core_ed25519_scalar_mul(zh, z, h);
        odd_multiples(terms[2 * i].table, &r, slide(terms[2 * i].digits, z));
        odd_multiples(terms[2 * i + 1].table, &a, slide(terms[2 * i + 1].digits, zh));
    }
    if (result == 0) {
        size_t count = 2 * (size_t) n + 1;
        memcpy(terms[count - 1].table, B_TABLE, sizeof B_TABLE);
        slide(terms[count - 1].digits, b_scalar);
        int top = 255;
        while (top >= 0) {
            int any = 0;
            for (size_t j = 0; j < count && !any; j++) any = terms[j].digits[top] != 0;
            if (any) break;
            top--;
        }
        ge_p2 acc;
        fe_zero(acc.X); fe_one(acc.Y); fe_one(acc.Z);
        ge_p1p1 t;
        ge_p3 u;
        for (int i = top; i >= 0; i--) {
            p2_dbl(&t, &acc);
            for (size_t j = 0; j < count; j++) {
                signed char d = terms[j].digits[i];
                if (d > 0) {
                    p1p1_to_p3(&u, &t);
                    ge_add(&t, &u, &terms[j].table[d / 2]);
                } else if (d < 0) {
                    p1p1_to_p3(&u, &t);
                    ge_sub(&t, &u, &terms[j].table[(-d) / 2]);
                }
            }
            p1p1_to_p2(&acc, &t);
        }
        for (int i = 0; i < 3; i++) { /* the cofactor */
            p2_dbl(&t, &acc);
            p1p1_to_p2(&acc, &t);
        }
        fe diff;
        fe_sub(diff, acc.Y, acc.Z);
        result = fe_iszero(acc.X) && fe_iszero(diff) ? 0 : -1;
    }
    free(terms);
    return result;
}
