// Out-of-line definitions the header-only TFLite reference kernels declare but
// do not define (upstream they live in tensorflow/lite/kernels/internal/common.cc).
// Double rounding, as in TFLite Micro builds without TFLITE_SINGLE_ROUNDING.
#include <cstdint>

#include "tensorflow/lite/kernels/internal/common.h"

namespace tflite_micro {

int32_t MultiplyByQuantizedMultiplier(int32_t x, int32_t quantized_multiplier, int shift) {
  const int left_shift = shift > 0 ? shift : 0;
  const int right_shift = shift > 0 ? 0 : -shift;
  return gemmlowp::RoundingDivideByPOT(
      gemmlowp::SaturatingRoundingDoublingHighMul(x * (1 << left_shift), quantized_multiplier),
      right_shift);
}

int32_t MultiplyByQuantizedMultiplier(int64_t x, int32_t quantized_multiplier, int shift) {
  // quantized_multiplier is Q0.31; it is reduced to Q0.15 so that the product
  // with a 48-bit x fits in 64 bits (used by the 16-bit activation kernels).
  const int32_t reduced_multiplier =
      quantized_multiplier < 0x7FFF0000 ? (quantized_multiplier + (1 << 15)) >> 16 : 0x7FFF;
  const int total_shift = 15 - shift;
  const int64_t round = static_cast<int64_t>(1) << (total_shift - 1);
  return static_cast<int32_t>((x * static_cast<int64_t>(reduced_multiplier) + round) >>
                              total_shift);
}

}  // namespace tflite_micro
