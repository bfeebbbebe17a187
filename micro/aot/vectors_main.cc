// Runs the AOT-compiled model on the test vectors of test_vectors.h (generated
// by tfasc.firmware from the TFLM interpreter) and prints one line per vector:
//   TFASC out <index> <int8 outputs...>
//   TFASC instructions <index> <retired instructions of Invoke()>
// then `TFASC done <vectors> <mismatches>`; exits 0 when every output equals
// TFLM's bit for bit, 1 otherwise. Sizes come from model_settings.h, the
// firmware contract that model.cc and test_vectors.h are checked against.
//
// Built with -DTFASC_PROFILE, the first vector also prints one line per op:
//   TFASC op <op index> <retired instructions of that op>
// (the counter's own cost, measured once, subtracted).
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

#ifdef TFASC_PROFILE
namespace {

bool g_profiling = false;
uint64_t g_last_mark = 0;
uint64_t g_mark_cost = 0;

}  // namespace

extern "C" void tfasc_profile_op_done(int op) {
  if (!g_profiling) return;
  const uint64_t now = board_instructions();
  const uint64_t spent = now - g_last_mark;
  std::printf("TFASC op %d %llu\n", op,
              static_cast<unsigned long long>(spent > g_mark_cost ? spent - g_mark_cost : 0));
  g_last_mark = board_instructions();
}

static void StartProfile() {
  // What one mark costs between two reads of the counter: the call, the test, one read.
  const uint64_t a = board_instructions();
  const uint64_t b = board_instructions();
  g_mark_cost = b - a;
  g_profiling = true;
  g_last_mark = board_instructions();
}

static void StopProfile() { g_profiling = false; }
#else
static void StartProfile() {}
static void StopProfile() {}
#endif

int main() {
  board_init();
  std::printf("TFASC board %s arena %d\n", board_name(), tfasc_model::kArenaSize);
  int mismatches = 0;
  for (int v = 0; v < kNumTestVectors; ++v) {
    std::memcpy(tfasc_model::Input(), g_test_inputs[v], kInputElements);
    if (v == 0) StartProfile();
    const uint64_t start = board_instructions();
    tfasc_model::Invoke();
    const uint64_t instructions = board_instructions() - start;
    StopProfile();
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
