// Arm MPS2 AN386 (Cortex-M4F) under QEMU `-M mps2-an386`.
// Build: -mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard, linker.ld here.
#include "board.h"

#include <stdint.h>

// SysTick runs from the 25 MHz FPGA system clock (AN386 section 3.2; QEMU
// hw/arm/mps2.c SYSCLK_FRQ).
const uint32_t kBoardCpuHz = 25000000u;

const char* board_name(void) { return "mps2-an386"; }
