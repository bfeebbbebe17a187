// DEPTHWISE_CONV_2D: portable, DSP and Helium variants (depthwise.h).
#include "tfasc_aot/depthwise.h"

#include <cstdint>

#include "tfasc_aot/requantize.h"
#include "tfasc_aot/simd.h"

namespace tfasc_aot {
namespace {

// The input pixel of every tap of output pixel (oy, ox); padding taps point at
// `pad` (one pixel of the input zero point). Returns the number of taps.
int WindowTaps(const DepthwiseShape& s, const int8_t* input, const int8_t* pad, int oy, int ox,
               const int8_t** taps) {
  const int iy0 = oy * s.stride_h - s.pad_h;
  const int ix0 = ox * s.stride_w - s.pad_w;
  int n = 0;
  for (int ky = 0; ky < s.kernel_h; ++ky) {
    const int iy = iy0 + ky * s.dilation_h;
    const bool row = iy >= 0 && iy < s.in_h;
    for (int kx = 0; kx < s.kernel_w; ++kx) {
      const int ix = ix0 + kx * s.dilation_w;
      taps[n++] = row && ix >= 0 && ix < s.in_w ? input + (iy * s.in_w + ix) * s.in_c : pad;
    }
  }
  return n;
}

inline int8_t Output(const DepthwiseQuant& q, int32_t acc, int c) {
  return RequantizeToInt8(acc, SplitShift(q.multiplier[c], q.shift[c]), q.output_zero_point,
                          q.act_min, q.act_max);
}

// Any depth multiplier and window: the padding taps count as the zero point.
void DepthwisePlain(const DepthwiseShape& s, const DepthwiseQuant& q, const int8_t* input,
                    const int8_t* weights, int8_t* output) {
  const int m = s.depth_multiplier;
  for (int oy = 0; oy < s.out_h; ++oy) {
    for (int ox = 0; ox < s.out_w; ++ox) {
      int8_t* out = output + (oy * s.out_w + ox) * s.out_c;
      for (int oc = 0; oc < s.out_c; ++oc) {
        const int ic = oc / m;
        int32_t acc = q.bias[oc];
        for (int ky = 0; ky < s.kernel_h; ++ky) {
          const int iy = oy * s.stride_h - s.pad_h + ky * s.dilation_h;
          for (int kx = 0; kx < s.kernel_w; ++kx) {
            const int ix = ox * s.stride_w - s.pad_w + kx * s.dilation_w;
            const bool inside = iy >= 0 && iy < s.in_h && ix >= 0 && ix < s.in_w;
            const int32_t x = inside ? input[(iy * s.in_w + ix) * s.in_c + ic] : q.input_zero_point;
            acc += x * weights[(ky * s.kernel_w + kx) * s.out_c + oc];
          }
        }
        out[oc] = Output(q, acc, oc);
      }
    }
  }
}

}  // namespace

#if defined(TFASC_ISA_MVE)
// ---------------------------------------------------------------------------- Helium
namespace {

// Requantizes four lanes of channels c.. and stores them (predicated).
__attribute__((always_inline)) inline void Store4(const DepthwiseQuant& q, int32x4_t acc, int c,
                                                  mve_pred16_t p, int8_t* out) {
  acc = RequantizeVector(acc, vldrwq_z_s32(q.multiplier + c, p), vldrwq_z_s32(q.shift + c, p));
  acc = vaddq_n_s32(acc, q.output_zero_point);
  acc = vminq_s32(vmaxq_s32(acc, vdupq_n_s32(q.act_min)), vdupq_n_s32(q.act_max));
  vstrbq_p_s32(out + c, acc, p);
}

// Sixteen channels from c (fewer, predicated, at the end).
template <bool kTail>
__attribute__((always_inline)) inline void Channels16(const DepthwiseShape& s,
                                                      const DepthwiseQuant& q,
                                                      const int8_t* const* taps, int n_taps,
                                                      const int8_t* weights, int c, int8_t* out) {
  const int n = s.in_c - c;
  const mve_pred16_t p0 = vctp32q(kTail ? n : 16), p1 = vctp32q(kTail ? (n > 4 ? n - 4 : 0) : 16),
                     p2 = vctp32q(kTail ? (n > 8 ? n - 8 : 0) : 16),
                     p3 = vctp32q(kTail ? (n > 12 ? n - 12 : 0) : 16);
  int32x4_t a0, a1, a2, a3;
  if (kTail) {
    a0 = vldrwq_z_s32(q.bias + c, p0), a1 = vldrwq_z_s32(q.bias + c + 4, p1);
    a2 = vldrwq_z_s32(q.bias + c + 8, p2), a3 = vldrwq_z_s32(q.bias + c + 12, p3);
  } else {
    a0 = vldrwq_s32(q.bias + c), a1 = vldrwq_s32(q.bias + c + 4);
    a2 = vldrwq_s32(q.bias + c + 8), a3 = vldrwq_s32(q.bias + c + 12);
  }
  const int8_t* w = weights + c;
  for (int t = 0; t < n_taps; ++t, w += s.out_c) {
    const int8_t* x = taps[t] + c;
    if (kTail) {
      a0 = vaddq_s32(a0, vmulq_s32(vldrbq_z_s32(x, p0), vldrbq_z_s32(w, p0)));
      a1 = vaddq_s32(a1, vmulq_s32(vldrbq_z_s32(x + 4, p1), vldrbq_z_s32(w + 4, p1)));
      a2 = vaddq_s32(a2, vmulq_s32(vldrbq_z_s32(x + 8, p2), vldrbq_z_s32(w + 8, p2)));
      a3 = vaddq_s32(a3, vmulq_s32(vldrbq_z_s32(x + 12, p3), vldrbq_z_s32(w + 12, p3)));
    } else {
      a0 = vaddq_s32(a0, vmulq_s32(vldrbq_s32(x), vldrbq_s32(w)));
      a1 = vaddq_s32(a1, vmulq_s32(vldrbq_s32(x + 4), vldrbq_s32(w + 4)));
      a2 = vaddq_s32(a2, vmulq_s32(vldrbq_s32(x + 8), vldrbq_s32(w + 8)));
      a3 = vaddq_s32(a3, vmulq_s32(vldrbq_s32(x + 12), vldrbq_s32(w + 12)));
    }
  }
  Store4(q, a0, c, p0, out);
  Store4(q, a1, c + 4, p1, out);
  Store4(q, a2, c + 8, p2, out);
  Store4(q, a3, c + 12, p3, out);
}

}  // namespace

void Depthwise(const DepthwiseShape& s, const DepthwiseQuant& q, const int8_t* input,
               const int8_t* weights, int8_t* output, int8_t* scratch) {
  if (!DepthwiseIsFast(s)) {
    DepthwisePlain(s, q, input, weights, output);
    return;
  }
  FillBytes(scratch, static_cast<int8_t>(q.input_zero_point), s.in_c);
  const int8_t* taps[kDepthwiseMaxTaps];
  const int full = s.in_c / 16 * 16;
  for (int oy = 0; oy < s.out_h; ++oy) {
    for (int ox = 0; ox < s.out_w; ++ox) {
      const int n_taps = WindowTaps(s, input, scratch, oy, ox, taps);
      int8_t* out = output + (oy * s.out_w + ox) * s.out_c;
      for (int c = 0; c < full; c += 16) Channels16<false>(s, q, taps, n_taps, weights, c, out);
      if (full < s.in_c) Channels16<true>(s, q, taps, n_taps, weights, full, out);
    }
  }
}

#elif defined(TFASC_ISA_DSP)
// ---------------------------------------------------------------------------- DSP
namespace {

// The requantization constants in locals: int8 stores may alias any memory, so
// the compiler would reload them from the structs after every store.
struct Output4 {
  const int32_t* multiplier;
  const int32_t* shift;
  int32_t zp2, zero_point, lo, hi;
  bool bounded;

  __attribute__((always_inline)) inline int8_t operator()(int32_t acc, int c) const {
    int32_t v = bounded ? OutputBounded(acc, multiplier[c], shift[c], zp2)
                        : Requantize(acc, multiplier[c], shift[c]) + zero_point;
    v = v < lo ? lo : v;
    return static_cast<int8_t>(v > hi ? hi : v);
  }
};

// Four channels from c: SXTB16 splits the words of inputs and weights into
// channels (0, 2) and (1, 3); SMLABB / SMLATT multiply-accumulate each.
__attribute__((always_inline)) inline void Channels4(const int32_t* bias, const int8_t* const* taps,
                                                     int n_taps, const int8_t* weights, int stride,
                                                     int c, const Output4& output, int8_t* out) {
  int32_t a0 = bias[c], a1 = bias[c + 1], a2 = bias[c + 2], a3 = bias[c + 3];
  const int8_t* w = weights + c;
  for (int t = 0; t < n_taps; ++t, w += stride) {
    const uint32_t x = LoadWord(taps[t] + c), k = LoadWord(w);
    const int32_t x02 = Sxtb16(x), x13 = Sxtb16Ror8(x);
    const int32_t k02 = Sxtb16(k), k13 = Sxtb16Ror8(k);
    a0 = __smlabb(x02, k02, a0);
    a2 = __smlatt(x02, k02, a2);
    a1 = __smlabb(x13, k13, a1);
    a3 = __smlatt(x13, k13, a3);
  }
  out[c] = output(a0, c);
  out[c + 1] = output(a1, c + 1);
  out[c + 2] = output(a2, c + 2);
  out[c + 3] = output(a3, c + 3);
}

}  // namespace

void Depthwise(const DepthwiseShape& s, const DepthwiseQuant& q, const int8_t* input,
               const int8_t* weights, int8_t* output, int8_t* scratch) {
  if (!DepthwiseIsFast(s)) {
    DepthwisePlain(s, q, input, weights, output);
    return;
  }
  FillBytes(scratch, static_cast<int8_t>(q.input_zero_point), s.in_c);
  const int8_t* taps[kDepthwiseMaxTaps];
  const int full = s.in_c / 4 * 4;
  const Output4 requantize{
      q.multiplier, q.shift,  2 * q.output_zero_point + 1, q.output_zero_point, q.act_min,
      q.act_max,    q.bounded};
  for (int oy = 0; oy < s.out_h; ++oy) {
    for (int ox = 0; ox < s.out_w; ++ox) {
      const int n_taps = WindowTaps(s, input, scratch, oy, ox, taps);
      int8_t* out = output + (oy * s.out_w + ox) * s.out_c;
      for (int c = 0; c < full; c += 4) {
        Channels4(q.bias, taps, n_taps, weights, s.out_c, c, requantize, out);
      }
      for (int c = full; c < s.in_c; ++c) {
        int32_t acc = q.bias[c];
        for (int t = 0; t < n_taps; ++t) acc += taps[t][c] * weights[t * s.out_c + c];
        out[c] = Output(q, acc, c);
      }
    }
  }
}

#else
// ---------------------------------------------------------------------------- portable C
void Depthwise(const DepthwiseShape& s, const DepthwiseQuant& q, const int8_t* input,
               const int8_t* weights, int8_t* output, int8_t* scratch) {
  if (!DepthwiseIsFast(s)) {
    DepthwisePlain(s, q, input, weights, output);
    return;
  }
  FillBytes(scratch, static_cast<int8_t>(q.input_zero_point), s.in_c);
  const int8_t* taps[kDepthwiseMaxTaps];
  for (int oy = 0; oy < s.out_h; ++oy) {
    for (int ox = 0; ox < s.out_w; ++ox) {
      const int n_taps = WindowTaps(s, input, scratch, oy, ox, taps);
      int8_t* out = output + (oy * s.out_w + ox) * s.out_c;
      for (int c = 0; c < s.in_c; ++c) {
        int32_t acc = q.bias[c];
        for (int t = 0; t < n_taps; ++t) acc += taps[t][c] * weights[t * s.out_c + c];
        out[c] = Output(q, acc, c);
      }
    }
  }
}
#endif

}  // namespace tfasc_aot
