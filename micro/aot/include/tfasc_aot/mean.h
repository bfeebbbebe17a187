// MEAN over contiguous axes, as tflite_micro::reference_ops::QuantizedMeanOrSum:
// the int32 sum of the raw int8 values, minus zero point * count, requantized
// with the multiplier that tfasc.aot adjusted for the count exactly as the
// reference kernel does, plus the output zero point, clamped to int8. The input
// is [outer][reduce][inner], the output [outer][inner] (ResNorm's mean over
// (time, channel) of every frequency: inner = 1; a spatial mean: outer = 1).
//
// Variants (tfasc_aot/isa.h): portable C; DSP (four bytes per USADA8 on the
// values + 128); Helium (VADDVA, 16 bytes an instruction, or 16 channels per
// step when inner > 1).
#ifndef TFASC_MICRO_AOT_TFASC_AOT_MEAN_H_
#define TFASC_MICRO_AOT_TFASC_AOT_MEAN_H_

#include <cstdint>

namespace tfasc_aot {

struct MeanShape {
  int outer, reduce, inner;
};

struct MeanQuant {
  int32_t input_zero_point;
  int32_t multiplier, shift;  // adjusted for the count (reference_ops::QuantizedMeanOrSum)
  int32_t output_zero_point;
};

constexpr int MeanScratchBytes(const MeanShape&) { return 0; }

void Mean(const MeanShape& s, const MeanQuant& q, const int8_t* input, int8_t* output);

}  // namespace tfasc_aot

#endif  // TFASC_MICRO_AOT_TFASC_AOT_MEAN_H_
