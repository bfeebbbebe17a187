// CONV_2D (1x1, kxk, grouped, strided, dilated) and FULLY_CONNECTED as one
// int8 kernel: im2col, then a dot product per output channel, requantized per
// channel. Bit-exact with tflite_micro::reference_integer_ops::ConvPerChannel
// when tfasc.aot prepares the constants:
//   weights  [out_c][depth]: one im2col row per output channel (ky, kx, channel
//            of the group), zero-padded to depth, a multiple of 4;
//   bias     per output channel, with the input offset folded in:
//            bias + input_offset * sum(weights of the channel);
// because then sum((x + input_offset) * w) + bias = sum(x * w) + folded bias,
// and the padding taps hold the input zero point (x + input_offset = 0).
// The int32 sums are exact in any order (no step overflows, as in TFLite).
//
// Variants (tfasc_aot/isa.h): portable C (one column at a time), DSP (two
// columns of int16 against two channels with SMLAD) and Helium (one column
// against four channels with VMLADAVA, 16 MACs an instruction).
//
// Processing order (the arena planner relies on it to let the output overlap
// the input): output pixels in row-major order, kConvBlockPixels at a time;
// every write of a block follows every read of the blocks before it.
#ifndef TFASC_MICRO_AOT_TFASC_AOT_CONV_H_
#define TFASC_MICRO_AOT_TFASC_AOT_CONV_H_

#include <cstdint>

#include "tfasc_aot/isa.h"

namespace tfasc_aot {

struct ConvShape {
  int in_h, in_w, in_c;     // input (H, W, C), one batch
  int out_h, out_w, out_c;  // output (H, W, C)
  int kernel_h, kernel_w;
  int stride_h, stride_w;
  int dilation_h, dilation_w;
  int pad_h, pad_w;  // leading padding (TFLite's padding_values)
  int groups;        // in_c / filter depth
  int depth;         // im2col row length: kernel_h * kernel_w * in_c / groups, rounded up to 4
};

struct ConvQuant {
  int32_t input_zero_point;  // the padding's value
  int32_t output_zero_point;
  int32_t act_min, act_max;   // the fused activation's range
  const int32_t* bias;        // [out_c], input offset folded in
  const int32_t* multiplier;  // [out_c]
  const int32_t* shift;       // [out_c]
  bool bounded;  // |acc| * 2 < 2^31 and every shift < 0: the DSP's SMMULR path is exact
};

// True when the kernel reads the input rows in place (no im2col copy): a 1x1
// window, one group, whole words per pixel.
constexpr bool ConvReadsInPlace(const ConvShape& s) {
  return s.kernel_h == 1 && s.kernel_w == 1 && s.groups == 1 && s.depth == s.in_c && s.pad_h == 0 &&
         s.pad_w == 0;
}

// Output pixels the kernel computes together (see the processing order above).
constexpr int kConvBlockPixels = kIsa == Isa::kDsp ? 2 : (kIsa == Isa::kMve ? 4 : 1);

// Bytes of scratch memory Conv needs (16-byte aligned): the im2col rows (four
// with Helium), and on the DSP two columns of int16 and one im2col row.
constexpr int ConvScratchBytes(const ConvShape& s) {
  return kIsa == Isa::kDsp     ? 4 * s.depth + (ConvReadsInPlace(s) ? 0 : s.depth)
         : ConvReadsInPlace(s) ? 0
         : kIsa == Isa::kMve   ? 4 * s.depth
                               : s.depth;
}

void Conv(const ConvShape& s, const ConvQuant& q, const int8_t* input, const int8_t* weights,
          int8_t* output, int8_t* scratch);

// Pruned weights without their zeros: each output channel's nonzero values and
// their positions in the im2col row (uint8 when depth <= 256, else uint16).
struct SparseWeights {
  const uint16_t* starts;   // [out_c + 1]: channel c's nonzeros are [starts[c], starts[c + 1])
  const uint8_t* index8;    // positions (depth <= 256), or nullptr
  const uint16_t* index16;  // positions (depth > 256), or nullptr
  const int8_t* values;
};

// Pixels ConvSparse computes together (every variant reads int8 columns).
constexpr int kConvSparseBlockPixels = kIsa == Isa::kPortable ? 1 : 4;

constexpr int ConvSparseScratchBytes(const ConvShape& s) {
  return ConvReadsInPlace(s) ? 0 : kConvSparseBlockPixels * s.depth;
}

// Conv with SparseWeights, the zeros skipped: the same bits as Conv. The DSP
// variant multiplies four columns per position and value it loads; Helium
// gathers 16 positions of four columns at a time (VLDRB gather: one
// instruction, but about one cycle per byte on Cortex-M55).
void ConvSparse(const ConvShape& s, const ConvQuant& q, const int8_t* input, const SparseWeights& w,
                int8_t* output, int8_t* scratch);

}  // namespace tfasc_aot

#endif  // TFASC_MICRO_AOT_TFASC_AOT_CONV_H_
