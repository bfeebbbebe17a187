// MEAN: portable, DSP and Helium variants (mean.h).
#include "tfasc_aot/mean.h"

#include <cstdint>

#include "tfasc_aot/isa.h"
#include "tfasc_aot/requantize.h"
#include "tfasc_aot/simd.h"

namespace tfasc_aot {
namespace {

inline int8_t Output(const MeanShape& s, const MeanQuant& q, int32_t sum) {
  const int32_t shifted = sum - q.input_zero_point * s.reduce;
  return RequantizeToInt8(shifted, SplitShift(q.multiplier, q.shift), q.output_zero_point, -128,
                          127);
}

// The sum of n contiguous int8 values.
inline int32_t SumBytes(const int8_t* x, int n) {
  int32_t sum = 0;
  int i = 0;
#if defined(TFASC_ISA_MVE)
  for (; i + 16 <= n; i += 16) sum = vaddvaq_s8(sum, vldrbq_s8(x + i));
#elif defined(TFASC_ISA_DSP)
  // USADA8 sums unsigned bytes: flip the sign bits, then subtract 128 per byte.
  uint32_t unsigned_sum = 0;
  for (; i + 4 <= n; i += 4)
    unsigned_sum = __usada8(LoadWord(x + i) ^ 0x80808080u, 0, unsigned_sum);
  sum = static_cast<int32_t>(unsigned_sum) - 128 * i;
#endif
  for (; i < n; ++i) sum += x[i];
  return sum;
}

}  // namespace

void Mean(const MeanShape& s, const MeanQuant& q, const int8_t* input, int8_t* output) {
  for (int o = 0; o < s.outer; ++o) {
    const int8_t* x = input + o * s.reduce * s.inner;
    int8_t* y = output + o * s.inner;
    if (s.inner == 1) {
      y[0] = Output(s, q, SumBytes(x, s.reduce));
      continue;
    }
    int c = 0;
#if defined(TFASC_ISA_MVE)
    for (; c + 4 <= s.inner; c += 4) {
      int32x4_t acc = vdupq_n_s32(0);
      for (int r = 0; r < s.reduce; ++r) acc = vaddq_s32(acc, vldrbq_s32(x + r * s.inner + c));
      int32_t sums[4];
      vstrwq_s32(sums, acc);
      for (int i = 0; i < 4; ++i) y[c + i] = Output(s, q, sums[i]);
    }
#endif
    for (; c < s.inner; ++c) {
      int32_t sum = 0;
      for (int r = 0; r < s.reduce; ++r) sum += x[r * s.inner + c];
      y[c] = Output(s, q, sum);
    }
  }
}

}  // namespace tfasc_aot
