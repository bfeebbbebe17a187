// Host tool: clips -> int8 model input with the C front end and generated
// tables.
//
// Usage: logmel_main IN1.(wav|pcm) OUT1.bin [IN2 OUT2 ...]
// Each OUT holds n_mels * frames int8 values, layout (mel, frame). Exit status
// 0 on success.
#include <cstdint>
#include <cstdio>

#include "frontend_tables.h"
#include "logmel.h"
#include "pcm_io.h"

namespace {

float g_work[kFrontendWorkFloats];
int16_t g_pcm[kFrontendClipSamples];
int8_t g_features[kFrontendNumMels * kFrontendNumFrames];

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc % 2 == 0) {
    std::fprintf(stderr, "usage: %s IN.(wav|pcm) OUT.bin [IN OUT ...]\n", argv[0]);
    return 2;
  }
  tfasc_logmel_state state;
  const int status = tfasc_logmel_init(&state, &g_frontend_config, g_work, kFrontendWorkFloats);
  if (status != TFASC_LOGMEL_OK) {
    std::fprintf(stderr, "tfasc_logmel_init failed: %d\n", status);
    return 1;
  }
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!tfasc::ReadPcm16(argv[i], g_frontend_config.sample_rate, g_pcm, kFrontendClipSamples)) {
      return 1;
    }
    const int result = tfasc_logmel_compute(&state, g_pcm, g_features);
    if (result != TFASC_LOGMEL_OK) {
      std::fprintf(stderr, "tfasc_logmel_compute failed: %d\n", result);
      return 1;
    }
    std::FILE* out = std::fopen(argv[i + 1], "wb");
    if (out == nullptr ||
        std::fwrite(g_features, 1, sizeof(g_features), out) != sizeof(g_features)) {
      std::fprintf(stderr, "cannot write %s\n", argv[i + 1]);
      return 1;
    }
    std::fclose(out);
  }
  return 0;
}
