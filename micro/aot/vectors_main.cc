// Runs the AOT-compiled model on the test vectors of test_vectors.h (generated
// by tfasc.firmware from the TFLM interpreter) and prints one line per vector:
//   TFASC out <index> <int8 outputs...>
//   TFASC instructions <index> <retired instructions of Invoke()>
// then `TFASC done <vectors> <mismatches>`; exits 0 when every output equals
// TFLM's bit for bit, 1 otherwise. Sizes come from model_settings.h, the
// firmware contract that model.cc and test_vectors.h are checked against.
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "board.h"
#include "model.h"
#include "model_settings.h"
#include "test_vectors.h"

static_assert(kTestInputElements == kInputElements,
              "test_vectors.h and model_settings.h disagree on the input size");
static_assert(kTestOutputElements == kOutputElements,
              "test_vectors.h and model_settings.h disagree on the output size");

int main() {
  board_init();
  std::printf("TFASC board %s arena %d\n", board_name(), tfasc_model::kArenaSize);
  int mismatches = 0;
  for (int v = 0; v < kNumTestVectors; ++v) {
    std::memcpy(tfasc_model::Input(), g_test_inputs[v], kInputElements);
    const uint64_t start = board_instructions();
    tfasc_model::Invoke();
    const uint64_t instructions = board_instructions() - start;
    const int8_t* output = tfasc_model::Output();
    std::printf("TFASC out %d", v);
    for (int i = 0; i < kOutputElements; ++i) std::printf(" %d", output[i]);
    std::printf("\nTFASC instructions %d %llu\n", v, static_cast<unsigned long long>(instructions));
    if (std::memcmp(output, g_test_outputs[v], kOutputElements) != 0) {
      ++mismatches;
    }
  }
  std::printf("TFASC done %d %d\n", kNumTestVectors, mismatches);
  return mismatches == 0 ? 0 : 1;
}
