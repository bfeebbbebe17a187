// MAX_POOL_2D / AVERAGE_POOL_2D: portable, DSP and Helium variants (pooling.h).
#include "tfasc_aot/pooling.h"

#include <cstdint>

#include "tfasc_aot/isa.h"
#include "tfasc_aot/simd.h"

namespace tfasc_aot {
namespace {

// The valid window of output pixel (oy, ox): rows [y0, y1), columns [x0, x1).
struct Window {
  int y0, y1, x0, x1;
  int count() const { return (y1 - y0) * (x1 - x0); }
};

inline Window ValidWindow(const PoolShape& s, int oy, int ox) {
  const int iy = oy * s.stride_h - s.pad_h, ix = ox * s.stride_w - s.pad_w;
  Window w{iy < 0 ? 0 : iy, iy + s.filter_h, ix < 0 ? 0 : ix, ix + s.filter_w};
  if (w.y1 > s.in_h) w.y1 = s.in_h;
  if (w.x1 > s.in_w) w.x1 = s.in_w;
  return w;
}

inline int8_t Clamp(const PoolShape& s, int32_t v) {
  v = v < s.act_min ? s.act_min : v;
  return static_cast<int8_t>(v > s.act_max ? s.act_max : v);
}

// TFLite's rounding: (acc +- count / 2) / count, truncating.
inline int32_t RoundedMean(int32_t acc, int count) {
  return acc > 0 ? (acc + count / 2) / count : (acc - count / 2) / count;
}

[[maybe_unused]] void AveragePoolScalar(const PoolShape& s, const int8_t* input, int8_t* output,
                                        int oy, int ox, int c0) {
  const Window w = ValidWindow(s, oy, ox);
  int8_t* out = output + (oy * s.out_w + ox) * s.channels;
  for (int c = c0; c < s.channels; ++c) {
    int32_t acc = 0;
    for (int y = w.y0; y < w.y1; ++y) {
      const int8_t* row = input + (y * s.in_w) * s.channels + c;
      for (int x = w.x0; x < w.x1; ++x) acc += row[x * s.channels];
    }
    out[c] = Clamp(s, w.count() ? RoundedMean(acc, w.count()) : 0);
  }
}

[[maybe_unused]] void MaxPoolScalar(const PoolShape& s, const int8_t* input, int8_t* output, int oy,
                                    int ox, int c0) {
  const Window w = ValidWindow(s, oy, ox);
  int8_t* out = output + (oy * s.out_w + ox) * s.channels;
  for (int c = c0; c < s.channels; ++c) {
    int32_t m = -128;
    for (int y = w.y0; y < w.y1; ++y) {
      const int8_t* row = input + (y * s.in_w) * s.channels + c;
      for (int x = w.x0; x < w.x1; ++x) m = row[x * s.channels] > m ? row[x * s.channels] : m;
    }
    out[c] = Clamp(s, m);
  }
}

}  // namespace

#if defined(TFASC_ISA_MVE)
// ---------------------------------------------------------------------------- Helium
void MaxPool(const PoolShape& s, const int8_t* input, int8_t* output) {
  const int8x16_t lo = vdupq_n_s8(static_cast<int8_t>(s.act_min));
  const int8x16_t hi = vdupq_n_s8(static_cast<int8_t>(s.act_max));
  for (int oy = 0; oy < s.out_h; ++oy) {
    for (int ox = 0; ox < s.out_w; ++ox) {
      const Window w = ValidWindow(s, oy, ox);
      int8_t* out = output + (oy * s.out_w + ox) * s.channels;
      for (int c = 0; c < s.channels; c += 16) {
        const mve_pred16_t p = vctp8q(static_cast<uint32_t>(s.channels - c));
        int8x16_t m = vdupq_n_s8(-128);
        for (int y = w.y0; y < w.y1; ++y) {
          const int8_t* x = input + (y * s.in_w + w.x0) * s.channels + c;
          for (int i = w.x0; i < w.x1; ++i, x += s.channels) m = vmaxq_s8(m, vldrbq_z_s8(x, p));
        }
        vstrbq_p_s8(out + c, vminq_s8(vmaxq_s8(m, lo), hi), p);
      }
    }
  }
}

void AveragePool(const PoolShape& s, const int8_t* input, int8_t* output) {
  const int32x4_t lo = vdupq_n_s32(s.act_min), hi = vdupq_n_s32(s.act_max);
  for (int oy = 0; oy < s.out_h; ++oy) {
    for (int ox = 0; ox < s.out_w; ++ox) {
      const Window w = ValidWindow(s, oy, ox);
      const int count = w.count();
      if (count < 2 || count >= kPoolMaxExactTaps) {
        AveragePoolScalar(s, input, output, oy, ox, 0);
        continue;
      }
      // q = floor(n * ceil(2^32 / count) / 2^32) = floor(n / count) for n * count < 2^32.
      const uint32_t magic = static_cast<uint32_t>((UINT64_C(1) << 32) / count + 1);
      const uint32x4_t m = vdupq_n_u32(magic);
      int8_t* out = output + (oy * s.out_w + ox) * s.channels;
      for (int c = 0; c < s.channels; c += 4) {
        const mve_pred16_t p = vctp32q(static_cast<uint32_t>(s.channels - c));
        int32x4_t acc = vdupq_n_s32(0);
        for (int y = w.y0; y < w.y1; ++y) {
          const int8_t* x = input + (y * s.in_w + w.x0) * s.channels + c;
          for (int i = w.x0; i < w.x1; ++i, x += s.channels) {
            acc = vaddq_s32(acc, vldrbq_z_s32(x, p));
          }
        }
        const int32x4_t sign = vshrq_n_s32(acc, 31);
        const uint32x4_t n = vreinterpretq_u32_s32(vaddq_n_s32(vabsq_s32(acc), count / 2));
        int32x4_t q = vreinterpretq_s32_u32(vmulhq_u32(n, m));
        q = vsubq_s32(veorq_s32(q, sign), sign);  // the sign of acc back
        vstrbq_p_s32(out + c, vminq_s32(vmaxq_s32(q, lo), hi), p);
      }
    }
  }
}

#elif defined(TFASC_ISA_DSP)
// ---------------------------------------------------------------------------- DSP
void MaxPool(const PoolShape& s, const int8_t* input, int8_t* output) {
  const int full = s.channels / 4 * 4;
  for (int oy = 0; oy < s.out_h; ++oy) {
    for (int ox = 0; ox < s.out_w; ++ox) {
      const Window w = ValidWindow(s, oy, ox);
      int8_t* out = output + (oy * s.out_w + ox) * s.channels;
      for (int c = 0; c < full; c += 4) {
        uint32_t m = 0x80808080u;
        for (int y = w.y0; y < w.y1; ++y) {
          const int8_t* x = input + (y * s.in_w + w.x0) * s.channels + c;
          for (int i = w.x0; i < w.x1; ++i, x += s.channels) {
            const uint32_t v = LoadWord(x);
            uint32_t unused;
            // GE per byte: v >= m; SEL keeps the larger byte.
            __asm(
                "ssub8 %[t], %[v], %[m]\n"
                "sel %[m], %[v], %[m]\n"
                : [m] "+r"(m), [t] "=&r"(unused)
                : [v] "r"(v)
                : "cc");
          }
        }
        for (int i = 0; i < 4; ++i) out[c + i] = Clamp(s, static_cast<int8_t>(m >> (8 * i)));
      }
      if (full < s.channels) MaxPoolScalar(s, input, output, oy, ox, full);
    }
  }
}

void AveragePool(const PoolShape& s, const int8_t* input, int8_t* output) {
  for (int oy = 0; oy < s.out_h; ++oy) {
    for (int ox = 0; ox < s.out_w; ++ox) AveragePoolScalar(s, input, output, oy, ox, 0);
  }
}

#else
// ---------------------------------------------------------------------------- portable C
void MaxPool(const PoolShape& s, const int8_t* input, int8_t* output) {
  for (int oy = 0; oy < s.out_h; ++oy) {
    for (int ox = 0; ox < s.out_w; ++ox) MaxPoolScalar(s, input, output, oy, ox, 0);
  }
}

void AveragePool(const PoolShape& s, const int8_t* input, int8_t* output) {
  for (int oy = 0; oy < s.out_h; ++oy) {
    for (int ox = 0; ox < s.out_w; ++ox) AveragePoolScalar(s, input, output, oy, ox, 0);
  }
}
#endif

}  // namespace tfasc_aot
