// Full pipeline on the board: int16 PCM clip -> C log-mel front end
// (micro/frontend) -> AOT-compiled int8 model -> label. The clips are read
// from the host through semihosting (the paths are in the generated clips.h);
// one line per clip:
//   TFASC label <index> <label> <frontend instructions> <model instructions>
//   TFASC out <index> <int8 outputs...>
// then `TFASC done <clips> 0`. Exits non-zero when a step fails. Sizes come
// from model_settings.h, the firmware contract that model.cc and
// frontend_tables.h are checked against.
#include <cstdint>
#include <cstdio>

#include "board.h"
#include "clips.h"
#include "frontend_tables.h"
#include "logmel.h"
#include "model.h"
#include "model_settings.h"
#include "pcm_io.h"

static_assert(kFrontendNumMels == kNumMels && kFrontendNumFrames == kNumFrames &&
                  kFrontendClipSamples == kClipSamples && kFrontendFftSize == kFftSize,
              "frontend_tables.h and model_settings.h come from different exports");
static_assert(kNumMels * kNumFrames == kInputElements,
              "the front end and the model disagree on the input size");

namespace {

float g_work[kFrontendWorkFloats];
int16_t g_pcm[kClipSamples];

}  // namespace

int main() {
  board_init();
  tfasc_logmel_state state;
  const int status = tfasc_logmel_init(&state, &g_frontend_config, g_work, kFrontendWorkFloats);
  if (status != TFASC_LOGMEL_OK) {
    std::printf("TFASC error tfasc_logmel_init %d\n", status);
    return 2;
  }
  for (int c = 0; c < kNumClips; ++c) {
    if (!tfasc::ReadPcm16(kClipPaths[c], kSampleRate, g_pcm, kClipSamples)) {
      std::printf("TFASC error cannot read %s\n", kClipPaths[c]);
      return 2;
    }
    const uint64_t start = board_instructions();
    const int result = tfasc_logmel_compute(&state, g_pcm, tfasc_model::Input());
    if (result != TFASC_LOGMEL_OK) {
      std::printf("TFASC error tfasc_logmel_compute %d\n", result);
      return 2;
    }
    const uint64_t middle = board_instructions();
    tfasc_model::Invoke();
    const uint64_t end = board_instructions();
    const int8_t* output = tfasc_model::Output();
    int label = 0;
    for (int i = 1; i < kOutputElements; ++i) {
      if (output[i] > output[label]) label = i;
    }
    std::printf("TFASC label %d %d %llu %llu\n", c, label,
                static_cast<unsigned long long>(middle - start),
                static_cast<unsigned long long>(end - middle));
    std::printf("TFASC out %d", c);
    for (int i = 0; i < kOutputElements; ++i) {
      std::printf(" %d", output[i]);
    }
    std::printf("\n");
  }
  std::printf("TFASC done %d 0\n", kNumClips);
  return 0;
}
