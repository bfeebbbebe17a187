// ADD / SUB / SQUARED_DIFFERENCE / MUL: portable, DSP and Helium variants
// (elementwise.h).
#include "tfasc_aot/elementwise.h"

#include <cstdint>

#include "tfasc_aot/isa.h"
#include "tfasc_aot/requantize.h"

namespace tfasc_aot {
namespace {

// An input value rescaled to the common scale: Requantize((v + offset) << left_shift).
inline int32_t Scale(int32_t v, int32_t offset, int32_t left_shift, int32_t multiplier,
                     int32_t shift) {
  const uint32_t shifted = static_cast<uint32_t>(v + offset) << left_shift;
  return Requantize(static_cast<int32_t>(shifted), multiplier, shift);
}

inline int32_t ScaleA(const BinaryQuant& q, int32_t v) {
  return Scale(v, q.a_offset, q.left_shift, q.a_multiplier, q.a_shift);
}

inline int32_t ScaleB(const BinaryQuant& q, int32_t v) {
  return Scale(v, q.b_offset, q.left_shift, q.b_multiplier, q.b_shift);
}

// SQUARED_DIFFERENCE's square wraps like the reference kernel's int32 product.
inline int32_t Combine(BinaryOp op, int32_t a, int32_t b) {
  if (op == BinaryOp::kAdd) return a + b;
  const int32_t d = a - b;
  if (op == BinaryOp::kSub) return d;
  return static_cast<int32_t>(static_cast<uint32_t>(d) * static_cast<uint32_t>(d));
}

inline int8_t Finish(const BinaryQuant& q, int32_t r) {
  return RequantizeToInt8(r, SplitShift(q.output_multiplier, q.output_shift), q.output_offset,
                          q.act_min, q.act_max);
}

// One output element, exactly as the reference kernels compute it.
inline int8_t Element(const BinaryQuant& q, int32_t a, int32_t b) {
  if (q.op == BinaryOp::kMul) return Finish(q, (a + q.a_offset) * (b + q.b_offset));
  return Finish(q, Combine(q.op, ScaleA(q, a), ScaleB(q, b)));
}

[[maybe_unused]] void BuildTables(const BinaryQuant& q, int32_t* ta, int32_t* tb) {
  for (int v = -128; v < 128; ++v) {
    ta[v + 128] = ScaleA(q, v);
    tb[v + 128] = ScaleB(q, v);
  }
}

// Calls row(a, b, out) for every [outer][middle] row of `inner` outputs.
template <typename Row>
inline void ForEachRow(const BinaryShape& s, const int8_t* a, const int8_t* b, int8_t* output,
                       Row row) {
  for (int o = 0; o < s.outer; ++o) {
    for (int m = 0; m < s.middle; ++m) {
      row(a + o * s.a_outer + m * s.a_middle, b + o * s.b_outer + m * s.b_middle,
          output + (o * s.middle + m) * s.inner);
    }
  }
}

}  // namespace

#if defined(TFASC_ISA_MVE)
// ---------------------------------------------------------------------------- Helium
namespace {

__attribute__((always_inline)) inline int32x4_t Load(const int8_t* p, int stride,
                                                     mve_pred16_t active) {
  return stride ? vldrbq_z_s32(p, active) : vdupq_n_s32(*p);
}

__attribute__((always_inline)) inline int32x4_t Lookup(const int32_t* table, int32x4_t v) {
  return vldrwq_gather_shifted_offset_s32(table, vreinterpretq_u32_s32(vaddq_n_s32(v, 128)));
}

void BuildTablesMve(const BinaryQuant& q, int32_t* ta, int32_t* tb) {
  const Requant ra = SplitShift(q.a_multiplier, q.a_shift);
  const Requant rb = SplitShift(q.b_multiplier, q.b_shift);
  int32x4_t v = vaddq_n_s32(vreinterpretq_s32_u32(vidupq_n_u32(0, 1)), -128);  // -128 .. -125
  for (int i = 0; i < 256; i += 4, v = vaddq_n_s32(v, 4)) {
    vstrwq_s32(ta + i, RequantizeVector(vshlq_r_s32(vaddq_n_s32(v, q.a_offset), q.left_shift), ra));
    vstrwq_s32(tb + i, RequantizeVector(vshlq_r_s32(vaddq_n_s32(v, q.b_offset), q.left_shift), rb));
  }
}

}  // namespace

void Binary(const BinaryShape& s, const BinaryQuant& q, const int8_t* a, const int8_t* b,
            int8_t* output, int8_t* scratch) {
  const Requant out = SplitShift(q.output_multiplier, q.output_shift);
  const int32x4_t lo = vdupq_n_s32(q.act_min), hi = vdupq_n_s32(q.act_max);
  const bool tables = BinaryUsesTables(s, q.op);
  int32_t* ta = reinterpret_cast<int32_t*>(scratch);
  int32_t* tb = ta + 256;
  if (tables) BuildTablesMve(q, ta, tb);
  const Requant ra = SplitShift(q.a_multiplier, q.a_shift);
  const Requant rb = SplitShift(q.b_multiplier, q.b_shift);
  ForEachRow(s, a, b, output, [&](const int8_t* pa, const int8_t* pb, int8_t* py) {
    for (int i = 0; i < s.inner; i += 4) {
      const mve_pred16_t active = vctp32q(static_cast<uint32_t>(s.inner - i));
      const int32x4_t va = Load(pa + i * s.a_inner, s.a_inner, active);
      const int32x4_t vb = Load(pb + i * s.b_inner, s.b_inner, active);
      int32x4_t r;
      if (q.op == BinaryOp::kMul) {
        r = vmulq_s32(vaddq_n_s32(va, q.a_offset), vaddq_n_s32(vb, q.b_offset));
      } else {
        int32x4_t sa, sb;
        if (tables) {
          sa = Lookup(ta, va), sb = Lookup(tb, vb);
        } else {
          sa = RequantizeVector(vshlq_r_s32(vaddq_n_s32(va, q.a_offset), q.left_shift), ra);
          sb = RequantizeVector(vshlq_r_s32(vaddq_n_s32(vb, q.b_offset), q.left_shift), rb);
        }
        if (q.op == BinaryOp::kAdd) {
          r = vaddq_s32(sa, sb);
        } else {
          r = vsubq_s32(sa, sb);
          if (q.op == BinaryOp::kSquaredDifference) r = vmulq_s32(r, r);
        }
      }
      r = vaddq_n_s32(RequantizeVector(r, out), q.output_offset);
      vstrbq_p_s32(py + i, vminq_s32(vmaxq_s32(r, lo), hi), active);
    }
  });
}

#elif defined(TFASC_ISA_DSP)
// ---------------------------------------------------------------------------- DSP
namespace {

__attribute__((always_inline)) inline int8_t FinishDsp(const BinaryQuant& q, int32_t r,
                                                       int32_t zp2) {
  if (!q.bounded) return Finish(q, r);
  int32_t v = OutputBounded(r, q.output_multiplier, q.output_shift, zp2);
  v = v < q.act_min ? q.act_min : v;
  return static_cast<int8_t>(v > q.act_max ? q.act_max : v);
}

}  // namespace

void Binary(const BinaryShape& s, const BinaryQuant& q, const int8_t* a, const int8_t* b,
            int8_t* output, int8_t* scratch) {
  const int32_t zp2 = 2 * q.output_offset + 1;
  if (!BinaryUsesTables(s, q.op)) {
    ForEachRow(s, a, b, output, [&](const int8_t* pa, const int8_t* pb, int8_t* py) {
      for (int i = 0; i < s.inner; ++i) {
        const int32_t va = pa[i * s.a_inner], vb = pb[i * s.b_inner];
        if (q.op == BinaryOp::kMul) {
          py[i] = FinishDsp(q, (va + q.a_offset) * (vb + q.b_offset), zp2);
        } else {
          py[i] = FinishDsp(q, Combine(q.op, ScaleA(q, va), ScaleB(q, vb)), zp2);
        }
      }
    });
    return;
  }
  int32_t* ta = reinterpret_cast<int32_t*>(scratch) + 128;  // indexed by the int8 value
  int32_t* tb = ta + 256;
  BuildTables(q, ta - 128, tb - 128);
  ForEachRow(s, a, b, output, [&](const int8_t* pa, const int8_t* pb, int8_t* py) {
    if (s.a_inner && s.b_inner) {
      for (int i = 0; i < s.inner; ++i)
        py[i] = FinishDsp(q, Combine(q.op, ta[pa[i]], tb[pb[i]]), zp2);
    } else if (s.a_inner) {
      const int32_t sb = tb[*pb];
      for (int i = 0; i < s.inner; ++i) py[i] = FinishDsp(q, Combine(q.op, ta[pa[i]], sb), zp2);
    } else {
      const int32_t sa = ta[*pa];
      for (int i = 0; i < s.inner; ++i) py[i] = FinishDsp(q, Combine(q.op, sa, tb[pb[i]]), zp2);
    }
  });
}

#else
// ---------------------------------------------------------------------------- portable C
void Binary(const BinaryShape& s, const BinaryQuant& q, const int8_t* a, const int8_t* b,
            int8_t* output, int8_t* scratch) {
  if (!BinaryUsesTables(s, q.op)) {
    ForEachRow(s, a, b, output, [&](const int8_t* pa, const int8_t* pb, int8_t* py) {
      for (int i = 0; i < s.inner; ++i) py[i] = Element(q, pa[i * s.a_inner], pb[i * s.b_inner]);
    });
    return;
  }
  int32_t* ta = reinterpret_cast<int32_t*>(scratch);
  int32_t* tb = ta + 256;
  BuildTables(q, ta, tb);
  ForEachRow(s, a, b, output, [&](const int8_t* pa, const int8_t* pb, int8_t* py) {
    for (int i = 0; i < s.inner; ++i) {
      const int32_t sa = ta[pa[i * s.a_inner] + 128], sb = tb[pb[i * s.b_inner] + 128];
      py[i] = Finish(q, Combine(q.op, sa, sb));
    }
  });
}
#endif

}  // namespace tfasc_aot
