// TFLM harness: runs the generated test vectors (and optionally clips through the C front end)
// in the standard TFLite Micro interpreter and compares bit for bit.
//
// Usage (host): tflm_harness [CLIP.(wav|pcm) ...]; on a board there is no command line
// (argc 0) and only the test vectors run. Prints "test vectors: N passed, M failed", one
// "clip ..." line per clip with its label, and "arena used: B of S bytes". Exit status 0 when
// every vector matches.
//
// Everything tied to the model comes from generated files (tfasc export-c): model_data.h,
// model_settings.h, model_ops.h, test_vectors.h and, with TFASC_WITH_FRONTEND,
// frontend_tables.h. Static arena of the measured size, every status checked, no heap. Built
// by the CMake target tflm_harness (micro/tflm/tflm.cmake).
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "model_data.h"
#include "model_ops.h"
#include "model_settings.h"
#include "tensorflow/lite/micro/micro_interpreter.h"
#include "tensorflow/lite/schema/schema_generated.h"
#include "test_vectors.h"

#ifdef TFASC_WITH_FRONTEND
#include "frontend_tables.h"
#include "logmel.h"
#include "pcm_io.h"
#endif

static_assert(kTestInputElements == kInputElements,
              "test_vectors.h and model_settings.h disagree on the input size");
static_assert(kTestOutputElements == kOutputElements,
              "test_vectors.h and model_settings.h disagree on the output size");

namespace tfl = TFASC_TFLM_NAMESPACE;

namespace {

alignas(16) uint8_t g_tensor_arena[kTensorArenaSize];

#ifdef TFASC_WITH_FRONTEND
float g_frontend_work[kFrontendWorkFloats];
int16_t g_pcm[kClipSamples];
static_assert(kFrontendNumMels == kNumMels && kFrontendNumFrames == kNumFrames &&
                  kFrontendClipSamples == kClipSamples && kFrontendFftSize == kFftSize,
              "frontend_tables.h and model_settings.h come from different exports");
#endif

// Returns true if tensor has the type, dims and quantization model_settings.h
// promises.
bool CheckTensor(const char* role, const TfLiteTensor* tensor, int rank, const int* dims,
                 float scale, int zero_point) {
  if (tensor == nullptr) {
    std::printf("error: model has no %s tensor\n", role);
    return false;
  }
  if (tensor->type != kTfLiteInt8) {
    std::printf("error: %s type %d, expected int8\n", role, tensor->type);
    return false;
  }
  if (tensor->dims->size != rank) {
    std::printf("error: %s rank %d, expected %d\n", role, tensor->dims->size, rank);
    return false;
  }
  for (int i = 0; i < rank; ++i) {
    if (tensor->dims->data[i] != dims[i]) {
      std::printf("error: %s dim %d is %d, expected %d\n", role, i, tensor->dims->data[i], dims[i]);
      return false;
    }
  }
  if (tensor->params.scale != scale || tensor->params.zero_point != zero_point) {
    std::printf("error: %s quantization (%g, %d), expected (%g, %d)\n", role,
                static_cast<double>(tensor->params.scale),
                static_cast<int>(tensor->params.zero_point), static_cast<double>(scale),
                zero_point);
    return false;
  }
  return true;
}

int ArgMax(const int8_t* values, int count) {
  int best = 0;
  for (int i = 1; i < count; ++i) {
    if (values[i] > values[best]) best = i;
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const tfl::Model* model = tfl::GetModel(g_model_data);
  if (model->version() != TFLITE_SCHEMA_VERSION) {
    std::printf("error: model schema %u, expected %d\n", static_cast<unsigned>(model->version()),
                TFLITE_SCHEMA_VERSION);
    return 1;
  }
  static ModelOpResolver resolver;
  if (RegisterModelOps(resolver) != kTfLiteOk) {
    std::printf("error: cannot register the model's ops\n");
    return 1;
  }
  static tfl::MicroInterpreter interpreter(model, resolver, g_tensor_arena, kTensorArenaSize);
  if (interpreter.AllocateTensors() != kTfLiteOk) {
    std::printf("error: AllocateTensors failed (arena %d bytes)\n", kTensorArenaSize);
    return 1;
  }
  if (interpreter.inputs_size() != 1 || interpreter.outputs_size() != 1) {
    std::printf("error: model has %u inputs, %u outputs; expected 1 and 1\n",
                static_cast<unsigned>(interpreter.inputs_size()),
                static_cast<unsigned>(interpreter.outputs_size()));
    return 1;
  }
  TfLiteTensor* input = interpreter.input(0);
  TfLiteTensor* output = interpreter.output(0);
  if (!CheckTensor("input", input, kInputRank, kInputDims, kInputScale, kInputZeroPoint) ||
      !CheckTensor("output", output, kOutputRank, kOutputDims, kOutputScale, kOutputZeroPoint)) {
    return 1;
  }

  int passed = 0;
  int failed = 0;
  for (int v = 0; v < kNumTestVectors; ++v) {
    std::memcpy(input->data.int8, g_test_inputs[v], kInputElements);
    if (interpreter.Invoke() != kTfLiteOk) {
      std::printf("error: Invoke failed on test vector %d\n", v);
      return 1;
    }
    if (std::memcmp(output->data.int8, g_test_outputs[v], kOutputElements) == 0) {
      ++passed;
    } else {
      ++failed;
      std::printf("vector %d: FAIL\n", v);
    }
  }
  std::printf("test vectors: %d passed, %d failed\n", passed, failed);

#ifdef TFASC_WITH_FRONTEND
  tfasc_logmel_state frontend;
  if (argc > 1 && tfasc_logmel_init(&frontend, &g_frontend_config, g_frontend_work,
                                    kFrontendWorkFloats) != TFASC_LOGMEL_OK) {
    std::printf("error: tfasc_logmel_init failed\n");
    return 1;
  }
  for (int i = 1; i < argc; ++i) {
    if (!tfasc::ReadPcm16(argv[i], kSampleRate, g_pcm, kClipSamples)) return 1;
    if (tfasc_logmel_compute(&frontend, g_pcm, input->data.int8) != TFASC_LOGMEL_OK) {
      std::printf("error: front end failed on %s\n", argv[i]);
      return 1;
    }
    if (interpreter.Invoke() != kTfLiteOk) {
      std::printf("error: Invoke failed on %s\n", argv[i]);
      return 1;
    }
    const int label = ArgMax(output->data.int8, kOutputElements);
    std::printf("clip %s: label %d %s, scores", argv[i], label, kLabels[label]);
    for (int k = 0; k < kOutputElements; ++k) std::printf(" %d", output->data.int8[k]);
    std::printf("\n");
  }
#else
  if (argc > 1) {
    std::printf("error: built without TFASC_WITH_FRONTEND, cannot read %s\n", argv[1]);
    return 1;
  }
#endif
  std::printf("arena used: %u of %d bytes\n", static_cast<unsigned>(interpreter.arena_used_bytes()),
              kTensorArenaSize);
  return failed == 0 ? 0 : 1;
}
