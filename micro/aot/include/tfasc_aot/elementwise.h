// Two-input elementwise ops with broadcasting: ADD, SUB, SQUARED_DIFFERENCE and
// MUL, bit-exact with the TFLite reference kernels (integer_ops/add.h,
// sub.h, TFLM's squared_difference.cc, integer_ops/mul.h):
//   ADD / SUB / SQUARED_DIFFERENCE: each input x -> Requantize((x + offset) <<
//     left_shift, its multiplier), combined (a + b, a - b, (a - b)^2), then
//     Requantize(combined, output multiplier) + output offset, clamped;
//   MUL: Requantize((a + a_offset) * (b + b_offset), output multiplier) +
//     output offset, clamped.
// The output is [outer][middle][inner]; each input steps through it with its
// own strides (0 where it is broadcast), so the three dimensions cover every
// broadcast of the models (per row, per column, per channel, a scalar).
//
// From kBinaryTableElements outputs on, ADD / SUB / SQUARED_DIFFERENCE first
// tabulate each input's 256 scaled values (exact Requantize) in the scratch
// buffer, and then cost a table lookup per input and element.
//
// Variants (tfasc_aot/isa.h): portable C, DSP (SMMULR output requantization
// when `bounded`), Helium (four lanes; gathers from the tables).
//
// Processing order (for the arena planner): elements in order; each output
// element is written after the inputs of its own index are read, so the output
// may share an input's buffer when that input has the output's shape.
#ifndef TFASC_MICRO_AOT_TFASC_AOT_ELEMENTWISE_H_
#define TFASC_MICRO_AOT_TFASC_AOT_ELEMENTWISE_H_

#include <cstdint>

namespace tfasc_aot {

enum class BinaryOp : int32_t { kAdd = 0, kSub = 1, kSquaredDifference = 2, kMul = 3 };

struct BinaryShape {
  int outer, middle, inner;        // output elements [outer][middle][inner]
  int a_outer, a_middle, a_inner;  // a's element strides per index (0: broadcast)
  int b_outer, b_middle, b_inner;  // b's
};

struct BinaryQuant {
  BinaryOp op;
  int32_t a_offset, b_offset;  // -zero point of each input
  int32_t left_shift;          // ADD / SUB 20, SQUARED_DIFFERENCE 7 (MUL: unused)
  int32_t a_multiplier, a_shift, b_multiplier, b_shift;
  int32_t output_multiplier, output_shift, output_offset;
  int32_t act_min, act_max;
  bool bounded;  // |combined| < 2^30 and output_shift < 0: the DSP's SMMULR path is exact
};

constexpr int kBinaryTableElements = 512;

constexpr bool BinaryUsesTables(const BinaryShape& s, BinaryOp op) {
  return op != BinaryOp::kMul && s.outer * s.middle * s.inner >= kBinaryTableElements;
}

// Bytes of scratch memory Binary needs: two tables of 256 int32.
constexpr int BinaryScratchBytes(const BinaryShape& s, BinaryOp op) {
  return BinaryUsesTables(s, op) ? 2 * 256 * 4 : 0;
}

void Binary(const BinaryShape& s, const BinaryQuant& q, const int8_t* a, const int8_t* b,
            int8_t* output, int8_t* scratch);

}  // namespace tfasc_aot

#endif  // TFASC_MICRO_AOT_TFASC_AOT_ELEMENTWISE_H_
