// Host-only reader of 16-bit mono PCM clips (RIFF WAV or raw little-endian
// .pcm).
//
// Used by the host tools (logmel_main, the TFLM harness); firmware receives PCM
// from its board instead. Fixed-size output, no heap.
#ifndef TFASC_MICRO_FRONTEND_PCM_IO_H_
#define TFASC_MICRO_FRONTEND_PCM_IO_H_

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace tfasc {

// Reads up to num_samples samples into pcm and zero-fills the rest. A WAV file
// must be PCM, 16 bit, mono, at sample_rate; any other file is read as raw
// int16 samples. Returns false and prints why on stderr.
inline bool ReadPcm16(const char* path, int sample_rate, int16_t* pcm, int num_samples) {
  std::FILE* file = std::fopen(path, "rb");
  if (file == nullptr) {
    std::fprintf(stderr, "cannot open %s\n", path);
    return false;
  }
  std::memset(pcm, 0, sizeof(int16_t) * num_samples);
  unsigned char riff[12];
  const size_t got = std::fread(riff, 1, sizeof(riff), file);
  const bool is_wav = got == sizeof(riff) && std::memcmp(riff, "RIFF", 4) == 0 &&
                      std::memcmp(riff + 8, "WAVE", 4) == 0;
  if (!is_wav) {
    std::fseek(file, 0, SEEK_SET);
  } else {
    bool format_ok = false;
    unsigned char chunk[8];
    while (std::fread(chunk, 1, 8, file) == 8) {
      const uint32_t size =
          chunk[4] | (chunk[5] << 8) | (chunk[6] << 16) | (static_cast<uint32_t>(chunk[7]) << 24);
      if (std::memcmp(chunk, "fmt ", 4) == 0) {
        unsigned char fmt[16];
        if (size < 16 || std::fread(fmt, 1, 16, file) != 16) break;
        const int format = fmt[0] | (fmt[1] << 8);
        const int channels = fmt[2] | (fmt[3] << 8);
        const int rate = fmt[4] | (fmt[5] << 8) | (fmt[6] << 16) | (fmt[7] << 24);
        const int bits = fmt[14] | (fmt[15] << 8);
        if (format != 1 || channels != 1 || bits != 16 || rate != sample_rate) {
          std::fprintf(stderr,
                       "%s: need 16-bit mono PCM at %d Hz, got format %d, %d "
                       "channel(s), "
                       "%d bit, %d Hz\n",
                       path, sample_rate, format, channels, bits, rate);
          std::fclose(file);
          return false;
        }
        format_ok = true;
        std::fseek(file, static_cast<long>(size - 16 + (size & 1)), SEEK_CUR);
      } else if (std::memcmp(chunk, "data", 4) == 0) {
        break;
      } else {
        std::fseek(file, static_cast<long>(size + (size & 1)), SEEK_CUR);
      }
    }
    if (!format_ok) {
      std::fprintf(stderr, "%s: no usable fmt chunk before the data chunk\n", path);
      std::fclose(file);
      return false;
    }
  }
  unsigned char bytes[2];
  for (int i = 0; i < num_samples && std::fread(bytes, 1, 2, file) == 2; ++i) {
    pcm[i] = static_cast<int16_t>(bytes[0] | (bytes[1] << 8));
  }
  std::fclose(file);
  return true;
}

}  // namespace tfasc

#endif  // TFASC_MICRO_FRONTEND_PCM_IO_H_
