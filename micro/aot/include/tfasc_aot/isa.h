// Which variant of the int8 kernels this build uses, chosen by the target's
// feature macros: Helium (MVE, Cortex-M55/M85), the DSP extension (SMLAD and
// friends, Cortex-M4/M7/M33) or portable C (the host and any other core).
// -DTFASC_KERNELS_PORTABLE forces the portable variant on any core (to measure
// it on a board). Every variant of a kernel has the same signature and gives
// the same bits: the TFLite reference kernels'.
#ifndef TFASC_MICRO_AOT_TFASC_AOT_ISA_H_
#define TFASC_MICRO_AOT_TFASC_AOT_ISA_H_

#if defined(TFASC_KERNELS_PORTABLE)
#define TFASC_ISA_PORTABLE 1
#elif defined(__ARM_FEATURE_MVE) && (__ARM_FEATURE_MVE & 1)
#define TFASC_ISA_MVE 1
#include <arm_mve.h>
#elif defined(__ARM_FEATURE_DSP) && __ARM_FEATURE_DSP
#define TFASC_ISA_DSP 1
#include <arm_acle.h>
#else
#define TFASC_ISA_PORTABLE 1
#endif

namespace tfasc_aot {

enum class Isa { kPortable = 0, kDsp = 1, kMve = 2 };

#if defined(TFASC_ISA_MVE)
constexpr Isa kIsa = Isa::kMve;
#elif defined(TFASC_ISA_DSP)
constexpr Isa kIsa = Isa::kDsp;
#else
constexpr Isa kIsa = Isa::kPortable;
#endif

}  // namespace tfasc_aot

#endif  // TFASC_MICRO_AOT_TFASC_AOT_ISA_H_
