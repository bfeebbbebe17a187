// Board self-test: the startup contract every firmware on the QEMU boards relies on
// (tests/mcu/test_boards.py). Prints
//   TFASC selftest argc <argc> argv0 <argv[0] or null>
//   TFASC selftest static <42>   (a function-local static whose destructor is
//                                 registered with __cxa_atexit: needs __dso_handle)
//   TFASC selftest count <retired instructions of a 2 x 10M-instruction loop>
#include <cstdint>
#include <cstdio>

#include "board.h"

namespace {

class Counter {
 public:
  explicit Counter(int start) : value_(start) {}
  ~Counter() { std::printf("TFASC selftest destroyed %d\n", value_); }
  int Next() { return ++value_; }

 private:
  int value_;
};

Counter& Instance() {
  static Counter counter(41);
  return counter;
}

}  // namespace

int main(int argc, char** argv) {
  board_init();
  std::printf("TFASC selftest argc %d argv0 %s\n", argc, argv[0] == nullptr ? "null" : argv[0]);
  std::printf("TFASC selftest static %d\n", Instance().Next());
  const uint64_t start = board_instructions();
  __asm volatile("ldr r0, =10000000\n1: subs r0, r0, #1\n bne 1b\n" ::: "r0", "cc");
  const uint64_t count = board_instructions() - start;
  std::printf("TFASC selftest count %llu\n", static_cast<unsigned long long>(count));
  return 0;
}
