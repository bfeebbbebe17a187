// CONV_2D / FULLY_CONNECTED: portable, DSP and Helium variants (conv.h).
#include "tfasc_aot/conv.h"

#include <cstdint>

#include "tfasc_aot/requantize.h"
#include "tfasc_aot/simd.h"

namespace tfasc_aot {
namespace {

#if !defined(TFASC_ISA_MVE)
// The im2col row of output pixel (oy, ox) and group g: kernel_h * kernel_w *
// (in_c / groups) values, the padding's taps holding the input zero point,
// then zeros up to depth.
void GatherColumn(const ConvShape& s, int8_t pad, const int8_t* input, int oy, int ox, int g,
                  int8_t* col) {
  const int cpg = s.in_c / s.groups;
  const int row_bytes = s.kernel_w * cpg;
  const int iy0 = oy * s.stride_h - s.pad_h;
  const int ix0 = ox * s.stride_w - s.pad_w;
  const bool contiguous =
      s.groups == 1 && s.dilation_w == 1 && ix0 >= 0 && ix0 + s.kernel_w <= s.in_w;
  int8_t* dst = col;
  for (int ky = 0; ky < s.kernel_h; ++ky, dst += row_bytes) {
    const int iy = iy0 + ky * s.dilation_h;
    if (iy < 0 || iy >= s.in_h) {
      FillBytes(dst, pad, row_bytes);
      continue;
    }
    const int8_t* row = input + iy * s.in_w * s.in_c + g * cpg;
    if (contiguous) {
      CopyBytes(dst, row + ix0 * s.in_c, row_bytes);
      continue;
    }
    for (int kx = 0; kx < s.kernel_w; ++kx) {
      const int ix = ix0 + kx * s.dilation_w;
      if (ix < 0 || ix >= s.in_w) {
        FillBytes(dst + kx * cpg, pad, cpg);
      } else {
        CopyBytes(dst + kx * cpg, row + ix * s.in_c, cpg);
      }
    }
  }
  FillBytes(dst, 0, s.depth - s.kernel_h * row_bytes);
}
#endif

// The input row of a pixel when the kernel reads in place.
inline const int8_t* InPlaceColumn(const ConvShape& s, const int8_t* input, int p) {
  const int oy = p / s.out_w, ox = p - oy * s.out_w;
  return input + (oy * s.stride_h * s.in_w + ox * s.stride_w) * s.in_c;
}

}  // namespace

#if defined(TFASC_ISA_MVE)
// ---------------------------------------------------------------------------- Helium
namespace {

// Four dot products of one column with four weight rows, 16 MACs per VMLADAVA;
// depth (a multiple of 4) ends with 8- and 4-lane steps. VMLADAVA accumulates
// into even registers only ("Te"); widening loads take low base registers ("l").
__attribute__((always_inline)) inline int32x4_t Dot4(const int8_t* x, const int8_t* w,
                                                     const int8_t* w1, const int8_t* w2,
                                                     const int8_t* w3, int depth) {
  int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  __asm volatile(
      "wls lr, %[n], 2f\n"
      "1:\n"
      "vldrb.8 q0, [%[x]], #16\n"
      "vldrb.8 q1, [%[w0]], #16\n"
      "vmladava.s8 %[a0], q0, q1\n"
      "vldrb.8 q1, [%[w1]], #16\n"
      "vmladava.s8 %[a1], q0, q1\n"
      "vldrb.8 q1, [%[w2]], #16\n"
      "vmladava.s8 %[a2], q0, q1\n"
      "vldrb.8 q1, [%[w3]], #16\n"
      "vmladava.s8 %[a3], q0, q1\n"
      "le lr, 1b\n"
      "2:\n"
      : [a0] "+Te"(a0), [a1] "+Te"(a1), [a2] "+Te"(a2), [a3] "+Te"(a3), [x] "+r"(x), [w0] "+r"(w),
        [w1] "+r"(w1), [w2] "+r"(w2), [w3] "+r"(w3)
      : [n] "r"(depth >> 4)
      : "d0", "d1", "d2", "d3", "lr", "memory");
  if (depth & 8) {
    __asm volatile(
        "vldrb.s16 q0, [%[x]], #8\n"
        "vldrb.s16 q1, [%[w0]], #8\n"
        "vmladava.s16 %[a0], q0, q1\n"
        "vldrb.s16 q1, [%[w1]], #8\n"
        "vmladava.s16 %[a1], q0, q1\n"
        "vldrb.s16 q1, [%[w2]], #8\n"
        "vmladava.s16 %[a2], q0, q1\n"
        "vldrb.s16 q1, [%[w3]], #8\n"
        "vmladava.s16 %[a3], q0, q1\n"
        : [a0] "+Te"(a0), [a1] "+Te"(a1), [a2] "+Te"(a2), [a3] "+Te"(a3), [x] "+l"(x), [w0] "+l"(w),
          [w1] "+l"(w1), [w2] "+l"(w2), [w3] "+l"(w3)
        :
        : "d0", "d1", "d2", "d3", "memory");
  }
  if (depth & 4) {
    __asm volatile(
        "vldrb.s32 q0, [%[x]]\n"
        "vldrb.s32 q1, [%[w0]]\n"
        "vmladava.s32 %[a0], q0, q1\n"
        "vldrb.s32 q1, [%[w1]]\n"
        "vmladava.s32 %[a1], q0, q1\n"
        "vldrb.s32 q1, [%[w2]]\n"
        "vmladava.s32 %[a2], q0, q1\n"
        "vldrb.s32 q1, [%[w3]]\n"
        "vmladava.s32 %[a3], q0, q1\n"
        : [a0] "+Te"(a0), [a1] "+Te"(a1), [a2] "+Te"(a2), [a3] "+Te"(a3)
        : [x] "l"(x), [w0] "l"(w), [w1] "l"(w1), [w2] "l"(w2), [w3] "l"(w3)
        : "d0", "d1", "d2", "d3", "memory");
  }
  int32x4_t acc = vdupq_n_s32(a0);
  acc = vsetq_lane_s32(a1, acc, 1);
  acc = vsetq_lane_s32(a2, acc, 2);
  return vsetq_lane_s32(a3, acc, 3);
}

// Copies n bytes with a tail-predicated loop (16 bytes per iteration).
__attribute__((always_inline)) inline void VectorCopy(int8_t* dst, const int8_t* src, int n) {
  __asm volatile(
      "wlstp.8 lr, %[n], 2f\n"
      "1:\n"
      "vldrb.8 q0, [%[src]], #16\n"
      "vstrb.8 q0, [%[dst]], #16\n"
      "letp lr, 1b\n"
      "2:\n"
      : [src] "+r"(src), [dst] "+r"(dst)
      : [n] "r"(n)
      : "d0", "d1", "lr", "memory");
}

__attribute__((always_inline)) inline void VectorFill(int8_t* dst, int8_t value, int n) {
  const int8x16_t v = vdupq_n_s8(value);
  __asm volatile(
      "wlstp.8 lr, %[n], 2f\n"
      "1:\n"
      "vstrb.8 %q[v], [%[dst]], #16\n"
      "letp lr, 1b\n"
      "2:\n"
      : [dst] "+r"(dst)
      : [n] "r"(n), [v] "w"(v)
      : "lr", "memory");
}

// GatherColumn with vector copies.
void GatherColumnMve(const ConvShape& s, int8_t pad, const int8_t* input, int oy, int ox, int g,
                     int8_t* col) {
  const int cpg = s.in_c / s.groups;
  const int row_bytes = s.kernel_w * cpg;
  const int iy0 = oy * s.stride_h - s.pad_h;
  const int ix0 = ox * s.stride_w - s.pad_w;
  const bool contiguous =
      s.groups == 1 && s.dilation_w == 1 && ix0 >= 0 && ix0 + s.kernel_w <= s.in_w;
  int8_t* dst = col;
  for (int ky = 0; ky < s.kernel_h; ++ky, dst += row_bytes) {
    const int iy = iy0 + ky * s.dilation_h;
    if (iy < 0 || iy >= s.in_h) {
      VectorFill(dst, pad, row_bytes);
      continue;
    }
    const int8_t* row = input + iy * s.in_w * s.in_c + g * cpg;
    if (contiguous) {
      VectorCopy(dst, row + ix0 * s.in_c, row_bytes);
      continue;
    }
    for (int kx = 0; kx < s.kernel_w; ++kx) {
      const int ix = ix0 + kx * s.dilation_w;
      if (ix < 0 || ix >= s.in_w) {
        VectorFill(dst + kx * cpg, pad, cpg);
      } else {
        VectorCopy(dst + kx * cpg, row + ix * s.in_c, cpg);
      }
    }
  }
  VectorFill(dst, 0, s.depth - s.kernel_h * row_bytes);
}

}  // namespace

void Conv(const ConvShape& s, const ConvQuant& q, const int8_t* input, const int8_t* weights,
          int8_t* output, int8_t* scratch) {
  const int pixels = s.out_h * s.out_w;
  const int fpg = s.out_c / s.groups;
  const bool in_place = ConvReadsInPlace(s);
  const int d = s.depth;
  const int32x4_t zero = vdupq_n_s32(0);
  const int32x4_t lo = vdupq_n_s32(q.act_min), hi = vdupq_n_s32(q.act_max);
  const int8_t* cols[kConvBlockPixels];
  for (int p0 = 0; p0 < pixels; p0 += kConvBlockPixels) {
    const int n = pixels - p0 < kConvBlockPixels ? pixels - p0 : kConvBlockPixels;
    for (int g = 0; g < s.groups; ++g) {
      for (int j = 0; j < n; ++j) {
        if (in_place) {
          cols[j] = InPlaceColumn(s, input, p0 + j);
        } else {
          const int oy = (p0 + j) / s.out_w, ox = p0 + j - oy * s.out_w;
          GatherColumnMve(s, static_cast<int8_t>(q.input_zero_point), input, oy, ox, g,
                          scratch + j * d);
          cols[j] = scratch + j * d;
        }
      }
      const int end = (g + 1) * fpg;
      for (int c = g * fpg; c < end; c += 4) {
        // Four channels (fewer at the end of a group: the extra lanes repeat the
        // last row and are not stored).
        const int lanes = end - c < 4 ? end - c : 4;
        const mve_pred16_t active = vctp32q(static_cast<uint32_t>(lanes));
        const int8_t* w0 = weights + c * d;
        const int8_t* w1 = lanes > 1 ? w0 + d : w0;
        const int8_t* w2 = lanes > 2 ? w0 + 2 * d : w1;
        const int8_t* w3 = lanes > 3 ? w0 + 3 * d : w2;
        const int32x4_t bias = vldrwq_z_s32(q.bias + c, active);
        const int32x4_t mult = vldrwq_z_s32(q.multiplier + c, active);
        const int32x4_t shift = vldrwq_z_s32(q.shift + c, active);
        const int32x4_t left = vmaxq_s32(shift, zero);
        const int32x4_t right = vminq_s32(shift, zero);  // -(right shift)
        for (int j = 0; j < n; ++j) {
          int32x4_t acc = Dot4(cols[j], w0, w1, w2, w3, d);
          acc = vshlq_s32(vaddq_s32(acc, bias), left);
          acc = vqrdmulhq_s32(acc, mult);
          acc = vqaddq_s32(acc, vshrq_n_s32(vandq_s32(acc, right), 31));
          acc = vaddq_n_s32(vrshlq_s32(acc, right), q.output_zero_point);
          acc = vminq_s32(vmaxq_s32(acc, lo), hi);
          vstrbq_p_s32(output + (p0 + j) * s.out_c + c, acc, active);
        }
      }
    }
  }
}

#elif defined(TFASC_ISA_DSP)
// ---------------------------------------------------------------------------- DSP
namespace {

// Column j (0 or 1) as int16 in the order SMLAD pairs it with SXTB16 of the
// weights, interleaved with the other column in 8-byte chunks: each word of four
// int8 (x0 x1 x2 x3) becomes the words (x0, x2), (x1, x3).
inline void ExpandColumn(const int8_t* src, int16_t* cols, int j, int depth) {
  uint32_t* out = reinterpret_cast<uint32_t*>(cols) + 2 * j;
  for (int k = 0; k < depth; k += 4, src += 4, out += 4) {
    const uint32_t x = LoadWord(src);
    out[0] = static_cast<uint32_t>(Sxtb16(x));
    out[1] = static_cast<uint32_t>(Sxtb16Ror8(x));
  }
}

// Column j of the block: the pixel's input row (in place) or its im2col row
// gathered into `bytes`, expanded into `cols`.
void PrepareColumn(const ConvShape& s, const ConvQuant& q, const int8_t* input, int p, int g,
                   bool in_place, int8_t* bytes, int16_t* cols, int j) {
  if (in_place) {
    ExpandColumn(InPlaceColumn(s, input, p), cols, j, s.depth);
    return;
  }
  const int oy = p / s.out_w, ox = p - oy * s.out_w;
  GatherColumn(s, static_cast<int8_t>(q.input_zero_point), input, oy, ox, g, bytes);
  ExpandColumn(bytes, cols, j, s.depth);
}

// acc[2 * i + j] += column i . weight row j. The two int16 columns are
// interleaved in 8-byte chunks (four values of column 0, four of column 1, ...),
// so one LDRD post-increment walks both; 16 MACs take 16 instructions.
__attribute__((always_inline)) inline void Dot2x2(const int16_t* cols, const int8_t* wa,
                                                  int row_bytes, int depth, int32_t* acc) {
  int32_t a00 = acc[0], a01 = acc[1], a10 = acc[2], a11 = acc[3];
  const int8_t* w = wa;
  const int16_t* x = cols;
  int32_t wl, wh, vl, vh, xl, xh;
#define TFASC_DOT2X2_STEP                \
  "ldr %[vh], [%[w], %[off]]\n"          \
  "ldr %[wh], [%[w]], #4\n"              \
  "sxtb16 %[wl], %[wh]\n"                \
  "sxtb16 %[wh], %[wh], ror #8\n"        \
  "sxtb16 %[vl], %[vh]\n"                \
  "sxtb16 %[vh], %[vh], ror #8\n"        \
  "ldrd %[xl], %[xh], [%[x]], #8\n"      \
  "smlad %[a00], %[xl], %[wl], %[a00]\n" \
  "smlad %[a00], %[xh], %[wh], %[a00]\n" \
  "smlad %[a01], %[xl], %[vl], %[a01]\n" \
  "smlad %[a01], %[xh], %[vh], %[a01]\n" \
  "ldrd %[xl], %[xh], [%[x]], #8\n"      \
  "smlad %[a10], %[xl], %[wl], %[a10]\n" \
  "smlad %[a10], %[xh], %[wh], %[a10]\n" \
  "smlad %[a11], %[xl], %[vl], %[a11]\n" \
  "smlad %[a11], %[xh], %[vh], %[a11]\n"
  if (depth & 4) {
    __asm volatile(TFASC_DOT2X2_STEP
                   : [a00] "+r"(a00), [a01] "+r"(a01), [a10] "+r"(a10), [a11] "+r"(a11),
                     [w] "+r"(w), [x] "+r"(x), [wl] "=&r"(wl), [wh] "=&r"(wh), [vl] "=&r"(vl),
                     [vh] "=&r"(vh), [xl] "=&r"(xl), [xh] "=&r"(xh)
                   : [off] "r"(row_bytes)
                   : "memory");
  }
  for (int n = depth >> 3; n > 0; --n) {
    __asm volatile(TFASC_DOT2X2_STEP TFASC_DOT2X2_STEP
                   : [a00] "+r"(a00), [a01] "+r"(a01), [a10] "+r"(a10), [a11] "+r"(a11),
                     [w] "+r"(w), [x] "+r"(x), [wl] "=&r"(wl), [wh] "=&r"(wh), [vl] "=&r"(vl),
                     [vh] "=&r"(vh), [xl] "=&r"(xl), [xh] "=&r"(xh)
                   : [off] "r"(row_bytes)
                   : "memory");
  }
#undef TFASC_DOT2X2_STEP
  acc[0] = a00, acc[1] = a01, acc[2] = a10, acc[3] = a11;
}

inline int32_t Output(const ConvQuant& q, int32_t acc, int c) {
  int32_t v;
  if (q.bounded) {
    v = OutputBounded(acc, q.multiplier[c], q.shift[c], 2 * q.output_zero_point + 1);
  } else {
    v = Requantize(acc, q.multiplier[c], q.shift[c]) + q.output_zero_point;
  }
  v = v < q.act_min ? q.act_min : v;
  return v > q.act_max ? q.act_max : v;
}

}  // namespace

void Conv(const ConvShape& s, const ConvQuant& q, const int8_t* input, const int8_t* weights,
          int8_t* output, int8_t* scratch) {
  const int pixels = s.out_h * s.out_w;
  const int fpg = s.out_c / s.groups;
  const bool in_place = ConvReadsInPlace(s);
  const int d = s.depth;
  int16_t* cols = reinterpret_cast<int16_t*>(scratch);  // two interleaved int16 columns
  int8_t* bytes = scratch + 4 * d;                      // one im2col row
  const bool clamp = q.act_min > -128 || q.act_max < 127;
  const int32_t zp2 = 2 * q.output_zero_point + 1;
  for (int p = 0; p < pixels; p += 2) {
    const bool two = p + 1 < pixels;
    int8_t* out0 = output + p * s.out_c;
    int8_t* out1 = two ? out0 + s.out_c : out0;
    for (int g = 0; g < s.groups; ++g) {
      PrepareColumn(s, q, input, p, g, in_place, bytes, cols, 0);
      PrepareColumn(s, q, input, two ? p + 1 : p, g, in_place, bytes, cols, 1);
      const int end = (g + 1) * fpg;
      for (int c = g * fpg; c < end; c += 2) {
        const bool pair = c + 1 < end;
        const int c1 = pair ? c + 1 : c;
        int32_t acc[4] = {q.bias[c], q.bias[c1], q.bias[c], q.bias[c1]};
        const int8_t* wa = weights + c * d;
        Dot2x2(cols, wa, pair ? d : 0, d, acc);
        if (q.bounded && !clamp) {
          const int32_t m0 = q.multiplier[c], s0 = q.shift[c];
          const int32_t m1 = q.multiplier[c1], s1 = q.shift[c1];
          out0[c] = static_cast<int8_t>(OutputBounded(acc[0], m0, s0, zp2));
          out1[c] = static_cast<int8_t>(OutputBounded(acc[2], m0, s0, zp2));
          if (pair) {
            out0[c1] = static_cast<int8_t>(OutputBounded(acc[1], m1, s1, zp2));
            out1[c1] = static_cast<int8_t>(OutputBounded(acc[3], m1, s1, zp2));
          }
        } else {
          out0[c] = static_cast<int8_t>(Output(q, acc[0], c));
          out1[c] = static_cast<int8_t>(Output(q, acc[2], c));
          if (pair) {
            out0[c1] = static_cast<int8_t>(Output(q, acc[1], c1));
            out1[c1] = static_cast<int8_t>(Output(q, acc[3], c1));
          }
        }
      }
    }
  }
}

#else
// ---------------------------------------------------------------------------- portable C
void Conv(const ConvShape& s, const ConvQuant& q, const int8_t* input, const int8_t* weights,
          int8_t* output, int8_t* scratch) {
  const int pixels = s.out_h * s.out_w;
  const int fpg = s.out_c / s.groups;
  const bool in_place = ConvReadsInPlace(s);
  for (int p = 0; p < pixels; ++p) {
    const int oy = p / s.out_w, ox = p - oy * s.out_w;
    int8_t* out = output + p * s.out_c;
    for (int g = 0; g < s.groups; ++g) {
      const int8_t* col = scratch;
      if (in_place) {
        col = InPlaceColumn(s, input, p);
      } else {
        GatherColumn(s, static_cast<int8_t>(q.input_zero_point), input, oy, ox, g, scratch);
      }
      for (int c = g * fpg; c < (g + 1) * fpg; ++c) {
        const int8_t* w = weights + c * s.depth;
        int32_t acc = q.bias[c];
        for (int k = 0; k < s.depth; ++k) acc += col[k] * w[k];
        out[c] = RequantizeToInt8(acc, SplitShift(q.multiplier[c], q.shift[c]), q.output_zero_point,
                                  q.act_min, q.act_max);
      }
    }
  }
}
#endif

// ---------------------------------------------------------------------------- sparse
namespace {

constexpr int kSparseB = kConvSparseBlockPixels;

// acc[j] += column j . the channel's nonzeros, for kSparseB columns.
template <typename Index>
__attribute__((always_inline)) inline void SparseDots(const int8_t* const* cols, const Index* index,
                                                      const int8_t* values, int count,
                                                      int32_t* acc) {
#if defined(TFASC_ISA_MVE)
  int32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
  constexpr int kLanes = sizeof(Index) == 1 ? 16 : 8;
  for (int k = 0; k < count; k += kLanes) {
    if (sizeof(Index) == 1) {
      const mve_pred16_t p = vctp8q(static_cast<uint32_t>(count - k));
      const uint8x16_t at = vldrbq_z_u8(reinterpret_cast<const uint8_t*>(index) + k, p);
      const int8x16_t v = vldrbq_z_s8(values + k, p);
      a0 = vmladavaq_p_s8(a0, vldrbq_gather_offset_z_s8(cols[0], at, p), v, p);
      a1 = vmladavaq_p_s8(a1, vldrbq_gather_offset_z_s8(cols[1], at, p), v, p);
      a2 = vmladavaq_p_s8(a2, vldrbq_gather_offset_z_s8(cols[2], at, p), v, p);
      a3 = vmladavaq_p_s8(a3, vldrbq_gather_offset_z_s8(cols[3], at, p), v, p);
    } else {
      const mve_pred16_t p = vctp16q(static_cast<uint32_t>(count - k));
      const uint16x8_t at = vldrhq_z_u16(reinterpret_cast<const uint16_t*>(index) + k, p);
      const int16x8_t v = vldrbq_z_s16(values + k, p);
      a0 = vmladavaq_p_s16(a0, vldrbq_gather_offset_z_s16(cols[0], at, p), v, p);
      a1 = vmladavaq_p_s16(a1, vldrbq_gather_offset_z_s16(cols[1], at, p), v, p);
      a2 = vmladavaq_p_s16(a2, vldrbq_gather_offset_z_s16(cols[2], at, p), v, p);
      a3 = vmladavaq_p_s16(a3, vldrbq_gather_offset_z_s16(cols[3], at, p), v, p);
    }
  }
  acc[0] = a0, acc[1] = a1, acc[2] = a2, acc[3] = a3;
#else
  for (int k = 0; k < count; ++k) {
    const int i = index[k];
    const int32_t v = values[k];
    for (int j = 0; j < kSparseB; ++j) acc[j] += cols[j][i] * v;
  }
#endif
}

}  // namespace

void ConvSparse(const ConvShape& s, const ConvQuant& q, const int8_t* input, const SparseWeights& w,
                int8_t* output, int8_t* scratch) {
  const int pixels = s.out_h * s.out_w;
  const int fpg = s.out_c / s.groups;
  const bool in_place = ConvReadsInPlace(s);
  const int8_t* cols[kSparseB];
  for (int p0 = 0; p0 < pixels; p0 += kSparseB) {
    const int n = pixels - p0 < kSparseB ? pixels - p0 : kSparseB;
    for (int g = 0; g < s.groups; ++g) {
      for (int j = 0; j < kSparseB; ++j) {
        if (j >= n) {
          cols[j] = cols[0];  // computed and dropped
        } else if (in_place) {
          cols[j] = InPlaceColumn(s, input, p0 + j);
        } else {
          const int oy = (p0 + j) / s.out_w, ox = p0 + j - oy * s.out_w;
#if defined(TFASC_ISA_MVE)
          GatherColumnMve(s, static_cast<int8_t>(q.input_zero_point), input, oy, ox, g,
                          scratch + j * s.depth);
#else
          GatherColumn(s, static_cast<int8_t>(q.input_zero_point), input, oy, ox, g,
                       scratch + j * s.depth);
#endif
          cols[j] = scratch + j * s.depth;
        }
      }
      for (int c = g * fpg; c < (g + 1) * fpg; ++c) {
        int32_t acc[kSparseB];
        for (int j = 0; j < kSparseB; ++j) acc[j] = q.bias[c];
        const int start = w.starts[c], count = w.starts[c + 1] - start;
        if (w.index8) {
          SparseDots(cols, w.index8 + start, w.values + start, count, acc);
        } else {
          SparseDots(cols, w.index16 + start, w.values + start, count, acc);
        }
        const Requant r = SplitShift(q.multiplier[c], q.shift[c]);
        for (int j = 0; j < n; ++j) {
          output[(p0 + j) * s.out_c + c] =
              RequantizeToInt8(acc[j], r, q.output_zero_point, q.act_min, q.act_max);
        }
      }
    }
  }
}

}  // namespace tfasc_aot
