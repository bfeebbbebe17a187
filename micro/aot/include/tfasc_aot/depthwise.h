// DEPTHWISE_CONV_2D (any window, stride, dilation, depth multiplier) as one
// int8 kernel. Bit-exact with tflite_micro::reference_integer_ops::
// DepthwiseConvPerChannel when tfasc.aot prepares the constants:
//   weights  TFLite's [kernel_h][kernel_w][out_c];
//   bias     per output channel, the input offset folded in:
//            bias + input_offset * sum over the window of the channel's weights;
// then every padding tap reads the input zero point (x + input_offset = 0), as
// in conv.h.
//
// Variants (tfasc_aot/isa.h): portable C (one channel at a time), DSP (four
// channels per word: SXTB16, SMLABB/SMLATT) and Helium (16 channels, four
// int32 vectors). A depth multiplier above 1 or a window of more than
// kDepthwiseMaxTaps taps takes a plain loop in every variant.
//
// Processing order (for the arena planner): output pixels in row-major order,
// one at a time; a pixel's outputs may be written while its window is read.
#ifndef TFASC_MICRO_AOT_TFASC_AOT_DEPTHWISE_H_
#define TFASC_MICRO_AOT_TFASC_AOT_DEPTHWISE_H_

#include <cstdint>

#include "tfasc_aot/isa.h"

namespace tfasc_aot {

struct DepthwiseShape {
  int in_h, in_w, in_c;     // input (H, W, C), one batch
  int out_h, out_w, out_c;  // output (H, W, in_c * depth_multiplier)
  int kernel_h, kernel_w;
  int stride_h, stride_w;
  int dilation_h, dilation_w;
  int pad_h, pad_w;  // leading padding
  int depth_multiplier;
};

struct DepthwiseQuant {
  int32_t input_zero_point;  // the padding's value
  int32_t output_zero_point;
  int32_t act_min, act_max;
  const int32_t* bias;  // [out_c], input offset folded in
  const int32_t* multiplier;
  const int32_t* shift;
  bool bounded;  // the DSP's SMMULR path is exact (conv.h)
};

constexpr int kDepthwiseMaxTaps = 64;

// True when the kernel takes its vector path (else the plain loop).
constexpr bool DepthwiseIsFast(const DepthwiseShape& s) {
  return s.depth_multiplier == 1 && s.kernel_h * s.kernel_w <= kDepthwiseMaxTaps;
}

// Bytes of scratch memory Depthwise needs: one pixel of the input zero point,
// which the padding taps read.
constexpr int DepthwiseScratchBytes(const DepthwiseShape& s) {
  return DepthwiseIsFast(s) ? (s.in_c + 15) / 16 * 16 : 0;
}

void Depthwise(const DepthwiseShape& s, const DepthwiseQuant& q, const int8_t* input,
               const int8_t* weights, int8_t* output, int8_t* scratch);

}  // namespace tfasc_aot

#endif  // TFASC_MICRO_AOT_TFASC_AOT_DEPTHWISE_H_
