/* Log-mel front end of tfasc (tfasc/features.py) for microcontrollers and the host.
 *
 * int16 PCM -> librosa-style log-mel (center=True zero padding, periodic Hann window of
 * win_length centred in n_fft, power spectrum, Slaney mel filterbank, 10*log10(max(S, amin)),
 * (dB - norm_mean) / norm_std) -> int8 model input quantized with the model's input scale and
 * zero point. The FFT is CMSIS-DSP's arm_rfft_fast_f32 (float32).
 *
 * Every constant comes from the generated frontend_tables.h (tfasc export-c); this file holds
 * no preset. State lives in caller-provided buffers: no heap, no static state.
 *
 * Example (firmware; kFrontendWorkFloats = TFASC_LOGMEL_WORK_FLOATS(kFrontendFftSize)):
 *   static float work[kFrontendWorkFloats];
 *   static tfasc_logmel_state state;
 *   if (tfasc_logmel_init(&state, &g_frontend_config, work, kFrontendWorkFloats) != 0) ...
 *   tfasc_logmel_compute(&state, pcm, input_tensor->data.int8);  // (n_mels, frames)
 */
#ifndef TFASC_MICRO_FRONTEND_LOGMEL_H_
#define TFASC_MICRO_FRONTEND_LOGMEL_H_

#include <stdint.h>

#include "arm_math_types.h"
#include "dsp/transform_functions.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Floats of work buffer tfasc_logmel_init needs for an FFT of n_fft points. */
#define TFASC_LOGMEL_WORK_FLOATS(n_fft) (2 * (n_fft))

/* Front-end constants and tables; generated into frontend_tables.cc, never hand-written. */
typedef struct {
  int32_t sample_rate;       /* Hz. */
  int32_t num_samples;       /* PCM samples per clip. */
  int32_t n_fft;             /* FFT size (a size arm_rfft_fast_f32 supports). */
  int32_t hop_length;        /* Samples between frames. */
  int32_t num_frames;        /* 1 + num_samples / hop_length. */
  int32_t n_mels;            /* Mel bands. */
  int32_t window_offset;     /* First non-zero window sample within n_fft. */
  int32_t window_length;     /* win_length: non-zero window samples. */
  const float* window;       /* window_length Hann values. */
  const int16_t* mel_start;  /* n_mels: first FFT bin of each band. */
  const int16_t* mel_length; /* n_mels: bins in each band. */
  const int32_t* mel_offset; /* n_mels: index of each band's first weight. */
  const float* mel_weights;  /* Concatenated Slaney weights of all bands. */
  float pcm_scale;           /* int16 -> float (1 / 32768). */
  float amin;                /* Floor of the mel power before the log. */
  float norm_mean;           /* Subtracted from dB. */
  float norm_std;            /* Divides dB after the mean. */
  float input_scale;         /* Model input quantization: real = scale * (q - zp). */
  int32_t input_zero_point;
} tfasc_logmel_config;

/* Runtime state: the configuration, the FFT instance and two work buffers of n_fft. */
typedef struct {
  const tfasc_logmel_config* config;
  arm_rfft_fast_instance_f32 fft;
  float* frame;    /* n_fft: windowed frame, then the power spectrum. */
  float* spectrum; /* n_fft: packed rfft output. */
} tfasc_logmel_state;

/* Status codes. */
enum {
  TFASC_LOGMEL_OK = 0,
  TFASC_LOGMEL_BAD_ARGUMENT = 1,   /* Null pointer or inconsistent configuration. */
  TFASC_LOGMEL_WORK_TOO_SMALL = 2, /* work_floats < TFASC_LOGMEL_WORK_FLOATS(n_fft). */
  TFASC_LOGMEL_BAD_FFT_SIZE = 3,   /* n_fft not supported by arm_rfft_fast_f32 here. */
};

/* Prepares state for config using work (work_floats floats, caller-owned, 4-byte aligned). */
int tfasc_logmel_init(tfasc_logmel_state* state, const tfasc_logmel_config* config, float* work,
                      int32_t work_floats);

/* Log-mel of one frame of a clip: n_mels normalized values (what the model sees in float). */
int tfasc_logmel_frame(tfasc_logmel_state* state, const int16_t* pcm, int32_t frame,
                       float* mel_out);

/* Whole clip (num_samples PCM samples) -> n_mels * num_frames int8, layout
 * (mel, frame), i.e. the model's (1, n_mels, frames, 1) input tensor. */
int tfasc_logmel_compute(tfasc_logmel_state* state, const int16_t* pcm, int8_t* out);

/* Quantizes one normalized log-mel value with the config's input scale and zero point. */
int8_t tfasc_logmel_quantize(const tfasc_logmel_config* config, float value);

#ifdef __cplusplus
}  // extern "C"
#endif

#endif  // TFASC_MICRO_FRONTEND_LOGMEL_H_
