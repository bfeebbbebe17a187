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
__attribute__((always_inline)) inline int32_t Combine(BinaryOp op, int32_t a, int32_t b) {
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

void BuildTablesMve(const BinaryQuant& q, int32_t* ta, int32_t* tb) {
  const Requant ra = SplitShift(q.a_multiplier, q.a_shift);
  const Requant rb = SplitShift(q.b_multiplier, q.b_shift);
  int32x4_t v = vaddq_n_s32(vreinterpretq_s32_u32(vidupq_n_u32(0, 1)), -128);  // -128 .. -125
  for (int i = 0; i < 256; i += 4, v = vaddq_n_s32(v, 4)) {
    vstrwq_s32(ta + i, RequantizeVector(vshlq_r_s32(vaddq_n_s32(v, q.a_offset), q.left_shift), ra));
    vstrwq_s32(tb + i, RequantizeVector(vshlq_r_s32(vaddq_n_s32(v, q.b_offset), q.left_shift), rb));
  }
}

// The output requantization, branch-free: a left shift (often by 0), VQRDMULH,
// the -1 of negative lanes where there is a right shift, the rounding shift.
struct VectorOutput {
  int32_t left, multiplier, right_neg, offset;
  int32x4_t fix_mask, lo, hi;

  explicit VectorOutput(const BinaryQuant& q) {
    const Requant r = SplitShift(q.output_multiplier, q.output_shift);
    left = r.left, multiplier = r.multiplier, right_neg = -r.right, offset = q.output_offset;
    fix_mask = vdupq_n_s32(r.right ? -1 : 0);
    lo = vdupq_n_s32(q.act_min), hi = vdupq_n_s32(q.act_max);
  }

  __attribute__((always_inline)) inline int32x4_t operator()(int32x4_t r) const {
    r = vqrdmulhq_n_s32(vshlq_r_s32(r, left), multiplier);
    r = vqaddq_s32(r, vshrq_n_s32(vandq_s32(r, fix_mask), 31));
    r = vaddq_n_s32(vrshlq_n_s32(r, right_neg), offset);
    return vminq_s32(vmaxq_s32(r, lo), hi);
  }
};

template <BinaryOp kOp>
__attribute__((always_inline)) inline int32x4_t CombineVector(int32x4_t a, int32x4_t b) {
  if (kOp == BinaryOp::kAdd) return vaddq_s32(a, b);
  const int32x4_t d = vsubq_s32(a, b);
  return kOp == BinaryOp::kSub ? d : vmulq_s32(d, d);
}

// The scaled value of four int8 (the tables hold 256 int32 from index -128).
__attribute__((always_inline)) inline int32x4_t Lookup(const int32_t* centre, int32x4_t v) {
  return vldrwq_gather_shifted_offset_s32(centre, vreinterpretq_u32_s32(v));
}

// One row of ADD / SUB / SQUARED_DIFFERENCE through the tables; a_step, b_step: 1 or 0
// (broadcast: the scaled value is the row's constant).
template <BinaryOp kOp>
void TableRow(const int32_t* ta, const int32_t* tb, const VectorOutput& finish, const int8_t* pa,
              int a_step, const int8_t* pb, int b_step, int8_t* py, int n) {
  const int32x4_t ca = vdupq_n_s32(ta[*pa]), cb = vdupq_n_s32(tb[*pb]);
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    const int32x4_t sa = a_step ? Lookup(ta, vldrbq_s32(pa + i)) : ca;
    const int32x4_t sb = b_step ? Lookup(tb, vldrbq_s32(pb + i)) : cb;
    vstrbq_s32(py + i, finish(CombineVector<kOp>(sa, sb)));
  }
  if (i < n) {
    const mve_pred16_t p = vctp32q(static_cast<uint32_t>(n - i));
    const int32x4_t sa = a_step ? Lookup(ta, vldrbq_z_s32(pa + i, p)) : ca;
    const int32x4_t sb = b_step ? Lookup(tb, vldrbq_z_s32(pb + i, p)) : cb;
    vstrbq_p_s32(py + i, finish(CombineVector<kOp>(sa, sb)), p);
  }
}

void MulRow(const BinaryQuant& q, const VectorOutput& finish, const int8_t* pa, int a_step,
            const int8_t* pb, int b_step, int8_t* py, int n) {
  const int32_t oa = q.a_offset, ob = q.b_offset;
  const int32x4_t ca = vdupq_n_s32(*pa + oa), cb = vdupq_n_s32(*pb + ob);
  for (int i = 0; i < n; i += 4) {
    const mve_pred16_t p = vctp32q(static_cast<uint32_t>(n - i));
    const int32x4_t a = a_step ? vaddq_n_s32(vldrbq_z_s32(pa + i, p), oa) : ca;
    const int32x4_t b = b_step ? vaddq_n_s32(vldrbq_z_s32(pb + i, p), ob) : cb;
    vstrbq_p_s32(py + i, finish(vmulq_s32(a, b)), p);
  }
}

template <BinaryOp kOp>
void TableRows(const BinaryShape& s, const int32_t* ta, const int32_t* tb,
               const VectorOutput& finish, const int8_t* a, const int8_t* b, int8_t* output) {
  ForEachRow(s, a, b, output, [&](const int8_t* pa, const int8_t* pb, int8_t* py) {
    TableRow<kOp>(ta, tb, finish, pa, s.a_inner, pb, s.b_inner, py, s.inner);
  });
}

}  // namespace

void Binary(const BinaryShape& s, const BinaryQuant& q, const int8_t* a, const int8_t* b,
            int8_t* output, int8_t* scratch) {
  const VectorOutput finish(q);
  if (q.op == BinaryOp::kMul) {
    ForEachRow(s, a, b, output, [&](const int8_t* pa, const int8_t* pb, int8_t* py) {
      MulRow(q, finish, pa, s.a_inner, pb, s.b_inner, py, s.inner);
    });
    return;
  }
  if (!BinaryUsesTables(s, q.op)) {
    ForEachRow(s, a, b, output, [&](const int8_t* pa, const int8_t* pb, int8_t* py) {
      for (int i = 0; i < s.inner; ++i) py[i] = Element(q, pa[i * s.a_inner], pb[i * s.b_inner]);
    });
    return;
  }
  int32_t* ta = reinterpret_cast<int32_t*>(scratch);
  int32_t* tb = ta + 256;
  BuildTablesMve(q, ta, tb);
  if (q.op == BinaryOp::kAdd) {
    TableRows<BinaryOp::kAdd>(s, ta + 128, tb + 128, finish, a, b, output);
  } else if (q.op == BinaryOp::kSub) {
    TableRows<BinaryOp::kSub>(s, ta + 128, tb + 128, finish, a, b, output);
  } else {
    TableRows<BinaryOp::kSquaredDifference>(s, ta + 128, tb + 128, finish, a, b, output);
  }
}

#elif defined(TFASC_ISA_DSP)
// ---------------------------------------------------------------------------- DSP
namespace {

// The output requantization with its constants in locals (int8 stores may alias the
// structs they came from).
struct ScalarOutput {
  int32_t multiplier, shift, zp2, offset, lo, hi;
  bool bounded;

  explicit ScalarOutput(const BinaryQuant& q)
      : multiplier(q.output_multiplier),
        shift(q.output_shift),
        zp2(2 * q.output_offset + 1),
        offset(q.output_offset),
        lo(q.act_min),
        hi(q.act_max),
        bounded(q.bounded) {}

  __attribute__((always_inline)) inline int8_t operator()(int32_t r) const {
    int32_t v = bounded ? OutputBounded(r, multiplier, shift, zp2)
                        : Requantize(r, multiplier, shift) + offset;
    v = v < lo ? lo : v;
    return static_cast<int8_t>(v > hi ? hi : v);
  }
};

template <BinaryOp kOp>
void TableRows(const BinaryShape& s, const int32_t* ta, const int32_t* tb,
               const ScalarOutput& finish, const int8_t* a, const int8_t* b, int8_t* output) {
  const int n = s.inner;
  ForEachRow(s, a, b, output, [&](const int8_t* pa, const int8_t* pb, int8_t* py) {
    if (s.a_inner && s.b_inner) {
      for (int i = 0; i < n; ++i) py[i] = finish(Combine(kOp, ta[pa[i]], tb[pb[i]]));
    } else if (s.a_inner) {
      const int32_t sb = tb[*pb];
      for (int i = 0; i < n; ++i) py[i] = finish(Combine(kOp, ta[pa[i]], sb));
    } else {
      const int32_t sa = ta[*pa];
      for (int i = 0; i < n; ++i) py[i] = finish(Combine(kOp, sa, tb[pb[i]]));
    }
  });
}

}  // namespace

void Binary(const BinaryShape& s, const BinaryQuant& q, const int8_t* a, const int8_t* b,
            int8_t* output, int8_t* scratch) {
  const ScalarOutput finish(q);
  if (q.op == BinaryOp::kMul) {
    const int32_t oa = q.a_offset, ob = q.b_offset;
    ForEachRow(s, a, b, output, [&](const int8_t* pa, const int8_t* pb, int8_t* py) {
      const int sa = s.a_inner, sb = s.b_inner;
      for (int i = 0; i < s.inner; ++i) py[i] = finish((pa[i * sa] + oa) * (pb[i * sb] + ob));
    });
    return;
  }
  if (!BinaryUsesTables(s, q.op)) {
    ForEachRow(s, a, b, output, [&](const int8_t* pa, const int8_t* pb, int8_t* py) {
      for (int i = 0; i < s.inner; ++i) {
        py[i] = finish(Combine(q.op, ScaleA(q, pa[i * s.a_inner]), ScaleB(q, pb[i * s.b_inner])));
      }
    });
    return;
  }
  int32_t* ta = reinterpret_cast<int32_t*>(scratch);
  int32_t* tb = ta + 256;
  BuildTables(q, ta, tb);
  if (q.op == BinaryOp::kAdd) {
    TableRows<BinaryOp::kAdd>(s, ta + 128, tb + 128, finish, a, b, output);
  } else if (q.op == BinaryOp::kSub) {
    TableRows<BinaryOp::kSub>(s, ta + 128, tb + 128, finish, a, b, output);
  } else {
    TableRows<BinaryOp::kSquaredDifference>(s, ta + 128, tb + 128, finish, a, b, output);
  }
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
