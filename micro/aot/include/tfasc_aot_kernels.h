// int8 kernels that TFLite Micro implements inside its op files rather than in
// the shared reference headers: SQUARED_DIFFERENCE and RSQRT. Same arithmetic
// as TFLM's squared_difference.cc and elementwise.cc, so results are
// bit-exact; the parameters are precomputed by tfasc.aot.
#ifndef TFASC_MICRO_AOT_TFASC_AOT_KERNELS_H_
#define TFASC_MICRO_AOT_TFASC_AOT_KERNELS_H_

#include <algorithm>
#include <cstdint>

#include "tensorflow/lite/kernels/internal/common.h"
#include "tensorflow/lite/kernels/internal/reference/integer_ops/add.h"

namespace tfasc_aot {

// (x - y)^2 with both inputs rescaled to a common scale (left_shift 7).
inline int8_t SquaredDifference(int8_t x, int8_t y, const tflite_micro::ArithmeticParams& p) {
  const int32_t a = tflite_micro::MultiplyByQuantizedMultiplierSmallerThanOneExp(
      (p.input1_offset + x) * (1 << p.left_shift), p.input1_multiplier, p.input1_shift);
  const int32_t b = tflite_micro::MultiplyByQuantizedMultiplierSmallerThanOneExp(
      (p.input2_offset + y) * (1 << p.left_shift), p.input2_multiplier, p.input2_shift);
  const int32_t diff = a - b;
  const int32_t out = tflite_micro::MultiplyByQuantizedMultiplier(diff * diff, p.output_multiplier,
                                                                  p.output_shift) +
                      p.output_offset;
  return static_cast<int8_t>(
      std::min(p.quantized_activation_max, std::max(p.quantized_activation_min, out)));
}

// 1 / sqrt(x); an input at (or below) the zero point gives the largest value.
inline void Rsqrt(const int8_t* input, int size, int32_t input_zero_point, int32_t multiplier,
                  int shift, int32_t output_zero_point, int8_t* output) {
  constexpr int kShift = 20;
  constexpr int kReverseShift = -1;
  for (int i = 0; i < size; ++i) {
    const int32_t value = input[i] - input_zero_point;
    if (value <= 0) {
      output[i] = 127;
      continue;
    }
    int32_t inv_sqrt_multiplier;
    int inv_sqrt_shift;
    tflite_micro::GetInvSqrtQuantizedMultiplierExp(value, kReverseShift, &inv_sqrt_multiplier,
                                                   &inv_sqrt_shift);
    const int32_t data = tflite_micro::MultiplyByQuantizedMultiplier(
        static_cast<int32_t>(1), inv_sqrt_multiplier, inv_sqrt_shift + kShift);
    const int32_t out =
        tflite_micro::MultiplyByQuantizedMultiplier(data, multiplier, shift - kShift) +
        output_zero_point;
    output[i] = static_cast<int8_t>(std::min<int32_t>(std::max<int32_t>(out, -128), 127));
  }
}

}  // namespace tfasc_aot

#endif  // TFASC_MICRO_AOT_TFASC_AOT_KERNELS_H_
