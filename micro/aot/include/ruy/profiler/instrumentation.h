// No-op stand-in for ruy's profiler, which the TFLite reference kernels include
// but which does not ship in the xmos-ai-tools wheel (TFLM ships the same stub).
#ifndef TFASC_MICRO_AOT_RUY_PROFILER_INSTRUMENTATION_H_
#define TFASC_MICRO_AOT_RUY_PROFILER_INSTRUMENTATION_H_

namespace ruy {
namespace profiler {

class ScopeLabel {
 public:
  template <typename... Args>
  explicit ScopeLabel(Args...) {}
};

}  // namespace profiler
}  // namespace ruy

#endif  // TFASC_MICRO_AOT_RUY_PROFILER_INSTRUMENTATION_H_
