// Arm MPS3 AN547 (Corstone SSE-300, Cortex-M55) under QEMU `-M mps3-an547`.
// Build: -mcpu=cortex-m55 (GCC >= 10), linker.ld here.
#include "board.h"

#include <stdint.h>

// SysTick runs from the 32 MHz system clock (AN547 section 3.2; QEMU
// hw/arm/mps2-tz.c sysclk_frq for the AN547).
const uint32_t kBoardCpuHz = 32000000u;

const char* board_name(void) { return "mps3-an547"; }
