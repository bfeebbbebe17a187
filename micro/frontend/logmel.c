/* Log-mel front end: see logmel.h. */
#include "logmel.h"

#include <math.h>
#include <stddef.h>

static arm_status InitFft(arm_rfft_fast_instance_f32* fft, int32_t n_fft) {
#if defined(TFASC_LOGMEL_FFT_LEN) && TFASC_LOGMEL_FFT_LEN == 2048
  /* Size-specific initializers keep only one size's tables after --gc-sections. */
  return n_fft == 2048 ? arm_rfft_fast_init_2048_f32(fft) : ARM_MATH_ARGUMENT_ERROR;
#elif defined(TFASC_LOGMEL_FFT_LEN) && TFASC_LOGMEL_FFT_LEN == 4096
  return n_fft == 4096 ? arm_rfft_fast_init_4096_f32(fft) : ARM_MATH_ARGUMENT_ERROR;
#elif defined(TFASC_LOGMEL_FFT_LEN)
#error "TFASC_LOGMEL_FFT_LEN must be 2048 or 4096 (or left undefined for any size)"
#else
  return arm_rfft_fast_init_f32(fft, (uint16_t)n_fft);
#endif
}

int tfasc_logmel_init(tfasc_logmel_state* state, const tfasc_logmel_config* config, float* work,
                      int32_t work_floats) {
  if (state == NULL || config == NULL || work == NULL) return TFASC_LOGMEL_BAD_ARGUMENT;
  if (config->n_fft <= 0 || config->n_fft > 4096 || config->n_mels <= 0 ||
      config->window_offset < 0 || config->window_offset + config->window_length > config->n_fft ||
      config->hop_length <= 0 || config->input_scale <= 0.0f || config->norm_std <= 0.0f ||
      config->num_frames != 1 + config->num_samples / config->hop_length) {
    return TFASC_LOGMEL_BAD_ARGUMENT;
  }
  if (work_floats < TFASC_LOGMEL_WORK_FLOATS(config->n_fft)) {
    return TFASC_LOGMEL_WORK_TOO_SMALL;
  }
  if (InitFft(&state->fft, config->n_fft) != ARM_MATH_SUCCESS) {
    return TFASC_LOGMEL_BAD_FFT_SIZE;
  }
  state->config = config;
  state->frame = work;
  state->spectrum = work + config->n_fft;
  return TFASC_LOGMEL_OK;
}

int tfasc_logmel_frame(tfasc_logmel_state* state, const int16_t* pcm, int32_t frame,
                       float* mel_out) {
  if (state == NULL || state->config == NULL || pcm == NULL || mel_out == NULL) {
    return TFASC_LOGMEL_BAD_ARGUMENT;
  }
  const tfasc_logmel_config* c = state->config;
  if (frame < 0 || frame >= c->num_frames) return TFASC_LOGMEL_BAD_ARGUMENT;
  const int32_t n_fft = c->n_fft;
  float* x = state->frame;

  /* center=True: frame t covers samples [t*hop - n_fft/2, t*hop + n_fft/2), zero outside. */
  const int32_t start = frame * c->hop_length - n_fft / 2 + c->window_offset;
  for (int32_t i = 0; i < n_fft; ++i) x[i] = 0.0f;
  for (int32_t i = 0; i < c->window_length; ++i) {
    const int32_t s = start + i;
    if (s >= 0 && s < c->num_samples) {
      x[c->window_offset + i] = ((float)pcm[s] * c->pcm_scale) * c->window[i];
    }
  }

  /* Packed output: [DC, Nyquist, re1, im1, ...]. arm_rfft_fast_f32 overwrites x. */
  float* y = state->spectrum;
  arm_rfft_fast_f32(&state->fft, x, y, 0);
  float* power = x; /* n_fft / 2 + 1 bins, reusing the frame buffer. */
  power[0] = y[0] * y[0];
  power[n_fft / 2] = y[1] * y[1];
  for (int32_t k = 1; k < n_fft / 2; ++k) {
    power[k] = y[2 * k] * y[2 * k] + y[2 * k + 1] * y[2 * k + 1];
  }

  const float db_per_ln = 10.0f / 2.302585093f; /* 10 / ln(10) */
  for (int32_t m = 0; m < c->n_mels; ++m) {
    const float* w = c->mel_weights + c->mel_offset[m];
    const float* p = power + c->mel_start[m];
    float sum = 0.0f;
    for (int32_t j = 0; j < c->mel_length[m]; ++j) sum += w[j] * p[j];
    const float db = db_per_ln * logf(sum > c->amin ? sum : c->amin);
    mel_out[m] = (db - c->norm_mean) / c->norm_std;
  }
  return TFASC_LOGMEL_OK;
}

int8_t tfasc_logmel_quantize(const tfasc_logmel_config* config, float value) {
  const float q = roundf(value / config->input_scale) + (float)config->input_zero_point;
  if (q <= -128.0f) return -128;
  if (q >= 127.0f) return 127;
  return (int8_t)q;
}

int tfasc_logmel_compute(tfasc_logmel_state* state, const int16_t* pcm, int8_t* out) {
  if (state == NULL || state->config == NULL || out == NULL) {
    return TFASC_LOGMEL_BAD_ARGUMENT;
  }
  const tfasc_logmel_config* c = state->config;
  /* The mel values of one frame go to the spectrum buffer, free once the frame
   * is done. */
  for (int32_t t = 0; t < c->num_frames; ++t) {
    float* mel = state->spectrum;
    const int status = tfasc_logmel_frame(state, pcm, t, mel);
    if (status != TFASC_LOGMEL_OK) return status;
    for (int32_t m = 0; m < c->n_mels; ++m) {
      out[m * c->num_frames + t] = tfasc_logmel_quantize(c, mel[m]);
    }
  }
  return TFASC_LOGMEL_OK;
}
