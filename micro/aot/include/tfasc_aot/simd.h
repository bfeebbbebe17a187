// Small helpers the kernels share: unaligned word access and the DSP
// instructions ACLE lacks (SXTB16 with a rotation, SSAT with a shift).
#ifndef TFASC_MICRO_AOT_TFASC_AOT_SIMD_H_
#define TFASC_MICRO_AOT_TFASC_AOT_SIMD_H_

#include <cstdint>
#include <cstring>

#include "tfasc_aot/isa.h"

namespace tfasc_aot {

__attribute__((always_inline)) inline uint32_t LoadWord(const void* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

__attribute__((always_inline)) inline void StoreWord(void* p, uint32_t v) {
  std::memcpy(p, &v, sizeof v);
}

// Copies n bytes; short copies (the taps of a one-channel input) inline.
inline void CopyBytes(int8_t* dst, const int8_t* src, int n) {
  if (n >= 16) {
    std::memcpy(dst, src, static_cast<size_t>(n));
    return;
  }
  for (int i = 0; i < n; ++i) dst[i] = src[i];
}

inline void FillBytes(int8_t* dst, int8_t value, int n) {
  if (n >= 16) {
    std::memset(dst, value, static_cast<size_t>(n));
    return;
  }
  for (int i = 0; i < n; ++i) dst[i] = value;
}

#if defined(TFASC_ISA_DSP) || defined(TFASC_ISA_MVE)
// Bytes 1 and 3, sign-extended into the two halfwords (SXTB16 ..., ROR #8).
__attribute__((always_inline)) inline int32_t Sxtb16Ror8(uint32_t x) {
  int32_t r;
  __asm("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(x));
  return r;
}

// Bytes 0 and 2, sign-extended into the two halfwords.
__attribute__((always_inline)) inline int32_t Sxtb16(uint32_t x) {
  int32_t r;
  __asm("sxtb16 %0, %1" : "=r"(r) : "r"(x));
  return r;
}

// Saturates x >> 1 to int8 (SSAT #8 with a shift).
__attribute__((always_inline)) inline int32_t SsatInt8Half(int32_t x) {
  int32_t r;
  __asm("ssat %0, #8, %1, asr #1" : "=r"(r) : "r"(x));
  return r;
}

__attribute__((always_inline)) inline int32_t Smlad(int32_t a, int32_t b, int32_t acc) {
  int32_t r;
  __asm("smlad %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(b), "r"(acc));
  return r;
}
#endif

}  // namespace tfasc_aot

#endif  // TFASC_MICRO_AOT_TFASC_AOT_SIMD_H_
