// TFLite's requantization, MultiplyByQuantizedMultiplier with double rounding
// (as TFLite Micro builds without TFLITE_SINGLE_ROUNDING), in the forms the
// kernels use:
//   Requantize        exact for every int32 input (portable C, 64-bit product);
//   OutputBounded     the DSP form (SMMULR), exact when |x| < 2^30 and the shift
//                     is negative, which tfasc.aot proves per layer;
//   RequantizeVector  four lanes with Helium (VQRDMULH, VRSHL), exact for every
//                     input.
// With q = x * 2^left, SaturatingRoundingDoublingHighMul(q, m) equals
// floor((q * m + 2^30) / 2^31) for every m > 0, and RoundingDivideByPOT(h, e)
// rounds half away from zero: (h + 2^(e-1) - (h < 0)) >> e for e > 0.
#ifndef TFASC_MICRO_AOT_TFASC_AOT_REQUANTIZE_H_
#define TFASC_MICRO_AOT_TFASC_AOT_REQUANTIZE_H_

#include <cstdint>

#include "tfasc_aot/isa.h"
#include "tfasc_aot/simd.h"

namespace tfasc_aot {

// One output channel's (or tensor's) multiplier, split as the kernels use it.
struct Requant {
  int32_t multiplier;  // Q0.31, as TFLite's QuantizeMultiplier
  int left;            // max(shift, 0)
  int right;           // max(-shift, 0)
};

inline Requant SplitShift(int32_t multiplier, int32_t shift) {
  return {multiplier, shift > 0 ? shift : 0, shift > 0 ? 0 : -shift};
}

// TFLite's MultiplyByQuantizedMultiplier(x, multiplier, shift), bit for bit.
inline int32_t Requantize(int32_t x, const Requant& r) {
  const int32_t shifted = static_cast<int32_t>(static_cast<uint32_t>(x) << r.left);
  const int64_t product = static_cast<int64_t>(shifted) * r.multiplier;
  const int32_t high = static_cast<int32_t>((product + (INT64_C(1) << 30)) >> 31);
  if (r.right == 0) return high;
  const int64_t rounded = static_cast<int64_t>(high) + (INT64_C(1) << (r.right - 1)) - (high < 0);
  return static_cast<int32_t>(rounded >> r.right);
}

inline int32_t Requantize(int32_t x, int32_t multiplier, int32_t shift) {
  return Requantize(x, SplitShift(multiplier, shift));
}

// The int8 result: requantized, plus the zero point, clamped to [lo, hi].
inline int8_t RequantizeToInt8(int32_t acc, const Requant& r, int32_t zero_point, int32_t lo,
                               int32_t hi) {
  int32_t v = Requantize(acc, r) + zero_point;
  v = v < lo ? lo : v;
  v = v > hi ? hi : v;
  return static_cast<int8_t>(v);
}

#if defined(TFASC_ISA_DSP) || defined(TFASC_ISA_MVE)
// SMMULR: (a * b + 2^31) >> 32; ACLE has no intrinsic for it.
__attribute__((always_inline)) inline int32_t Smmulr(int32_t a, int32_t b) {
  int32_t r;
  __asm("smmulr %0, %1, %2" : "=r"(r) : "r"(a), "r"(b));
  return r;
}

// Requantize(acc, multiplier, shift) + zero point, saturated to int8, with
// zp2 = 2 * zero point + 1: SMMULR(2 acc, m) is the rounding doubling high
// product, then the rounding shift by right = -shift is
// (((h - (h < 0)) >> (right - 1)) + 1) >> 1, the zero point and SSAT folded in.
// Exact when |acc| < 2^30 and shift < 0 ("bounded", which tfasc.aot checks).
__attribute__((always_inline)) inline int32_t OutputBounded(int32_t acc, int32_t multiplier,
                                                            int32_t shift, int32_t zp2) {
  const int32_t h = Smmulr(acc << 1, multiplier);
  return SsatInt8Half(((h + (h >> 31)) >> ~shift) + zp2);
}
#endif

#if defined(TFASC_ISA_MVE)
// Four lanes of Requantize(x, r), exact for every input: VQRDMULH is
// SaturatingRoundingDoublingHighMul, VRSHL a rounding shift to which the
// -1 of negative lanes is added first.
__attribute__((always_inline)) inline int32x4_t RequantizeVector(int32x4_t x, const Requant& r) {
  if (r.left) x = vshlq_r_s32(x, r.left);
  int32x4_t high = vqrdmulhq_n_s32(x, r.multiplier);
  if (r.right) {
    high = vqaddq_s32(high, vshrq_n_s32(high, 31));
    high = vrshlq_n_s32(high, -r.right);
  }
  return high;
}

// The same with one multiplier and shift per lane.
__attribute__((always_inline)) inline int32x4_t RequantizeVector(int32x4_t x, int32x4_t multiplier,
                                                                 int32x4_t shift) {
  const int32x4_t zero = vdupq_n_s32(0);
  x = vshlq_s32(x, vmaxq_s32(shift, zero));
  int32x4_t high = vqrdmulhq_s32(x, multiplier);
  const int32x4_t right = vminq_s32(shift, zero);  // -(right shift)
  high = vqaddq_s32(high, vshrq_n_s32(vandq_s32(high, right), 31));
  return vrshlq_s32(high, right);
}
#endif

}  // namespace tfasc_aot

#endif  // TFASC_MICRO_AOT_TFASC_AOT_REQUANTIZE_H_
