// MAX_POOL_2D and AVERAGE_POOL_2D over the valid part of each window, as
// tflite_micro::reference_integer_ops::{Max,Average}Pool: the maximum, or the
// sum divided by the number of valid taps, rounded half away from zero, then
// clamped to the fused activation's range.
//
// Variants (tfasc_aot/isa.h): portable C; DSP (MaxPool: four channels per word
// with SSUB8/SEL); Helium (16 channels per vector; AveragePool divides exactly
// with an unsigned high multiplication by ceil(2^32 / count), exact for sums
// below 2^32 / count, i.e. windows of fewer than kPoolMaxExactTaps taps).
//
// Processing order (for the arena planner): output pixels in row-major order,
// one at a time.
#ifndef TFASC_MICRO_AOT_TFASC_AOT_POOLING_H_
#define TFASC_MICRO_AOT_TFASC_AOT_POOLING_H_

#include <cstdint>

namespace tfasc_aot {

struct PoolShape {
  int in_h, in_w, channels;
  int out_h, out_w;
  int filter_h, filter_w;
  int stride_h, stride_w;
  int pad_h, pad_w;  // leading padding
  int32_t act_min, act_max;
};

// Windows with more valid taps take a scalar division (every variant).
constexpr int kPoolMaxExactTaps = 4096;

constexpr int PoolScratchBytes(const PoolShape&) { return 0; }

void MaxPool(const PoolShape& s, const int8_t* input, int8_t* output);
void AveragePool(const PoolShape& s, const int8_t* input, int8_t* output);

}  // namespace tfasc_aot

#endif  // TFASC_MICRO_AOT_TFASC_AOT_POOLING_H_
