// Board hooks: the only board-specific calls the firmware makes.
// One implementation per target: mps2_an386/, mps3_an547/ (QEMU) and host/.
#ifndef TFASC_MICRO_TARGETS_BOARD_H_
#define TFASC_MICRO_TARGETS_BOARD_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

// Brings the board up (clocks, counters); call first in main().
void board_init(void);

// Retired instructions since board_init(). Exact under QEMU `-icount shift=0`
// (one instruction per virtual nanosecond), read from SysTick because QEMU does
// not model the DWT cycle counter; 0 where no counter exists.
uint64_t board_instructions(void);

// A short board name for the logs ("mps2-an386", "host", ...).
const char* board_name(void);

// Ends the program with an exit status the host sees (semihosting SYS_EXIT).
void board_exit(int status) __attribute__((noreturn));

#ifdef __cplusplus
}
#endif

#endif  // TFASC_MICRO_TARGETS_BOARD_H_
