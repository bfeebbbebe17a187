// Startup and services shared by the Cortex-M boards under QEMU: vector table,
// reset handler (FPU enable, .data copy, .bss zeroing, static constructors,
// main(argc = 0, argv = {NULL})), SysTick-based instruction counter and
// semihosting exit. The board files
// (mps2_an386/board.c, mps3_an547/board.c) supply the clock and the name.
#include <stdint.h>
#include <string.h>

#include "board.h"

// Frequency of the SysTick processor clock of the board, in Hz.
extern const uint32_t kBoardCpuHz;

extern uint32_t __data_load__, __data_start__, __data_end__;
extern uint32_t __bss_start__, __bss_end__, __stack_top__;

extern int main(int argc, char** argv);
extern void __libc_init_array(void);
extern void initialise_monitor_handles(void);

// What crtbegin.o (dropped by -nostartfiles) defines for a static executable: the
// handle __cxa_atexit receives when a static C++ object registers its destructor.
void* __dso_handle = 0;

// No command line on a board: argc 0 and an empty argv, as C allows.
static char* g_no_arguments[1] = {0};

void Reset_Handler(void);
void Default_Handler(void);
void SysTick_Handler(void);

// Cortex-M exception vectors 0..15; QEMU's boards need no external IRQs here.
__attribute__((section(".vectors"), used)) void (*const g_vectors[16])(void) = {
    (void (*)(void))(&__stack_top__),
    Reset_Handler,
    Default_Handler,  // NMI
    Default_Handler,  // HardFault
    Default_Handler,  // MemManage
    Default_Handler,  // BusFault
    Default_Handler,  // UsageFault
    Default_Handler,  // SecureFault (v8-M)
    0,
    0,
    0,
    Default_Handler,  // SVCall
    Default_Handler,  // DebugMonitor
    0,
    Default_Handler,  // PendSV
    SysTick_Handler,
};

#define SCB_CPACR (*(volatile uint32_t*)0xE000ED88u)
#define SYST_CSR (*(volatile uint32_t*)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t*)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t*)0xE000E018u)
#define SYSTICK_RELOAD 0x00FFFFFFu

static volatile uint32_t g_systick_wraps;

void Reset_Handler(void) {
  SCB_CPACR |= 0xFu << 20;  // Full access to CP10/CP11 (the FPU).
  __asm volatile("dsb\n isb");
  memcpy(&__data_start__, &__data_load__, (size_t)((char*)&__data_end__ - (char*)&__data_start__));
  memset(&__bss_start__, 0, (size_t)((char*)&__bss_end__ - (char*)&__bss_start__));
  initialise_monitor_handles();
  __libc_init_array();
  board_exit(main(0, g_no_arguments));
}

void Default_Handler(void) { board_exit(3); }

// Called by __libc_init_array; crti.o is not linked (-nostartfiles).
void _init(void) {}
void _fini(void) {}

void SysTick_Handler(void) { ++g_systick_wraps; }

void board_init(void) {
  SYST_CSR = 0;
  SYST_RVR = SYSTICK_RELOAD;
  SYST_CVR = 0;
  g_systick_wraps = 0;
  SYST_CSR = 0x7;  // Processor clock, interrupt on wrap, enabled.
  while (SYST_CVR == 0) {
    // The counter loads the reload value on its first tick.
  }
}

uint64_t board_instructions(void) {
  uint32_t wraps, value;
  do {
    wraps = g_systick_wraps;
    value = SYST_CVR;
  } while (wraps != g_systick_wraps);
  const uint64_t ticks = (uint64_t)wraps * (SYSTICK_RELOAD + 1u) + (SYSTICK_RELOAD - value);
  // -icount shift=0: one instruction per nanosecond of virtual time.
  return ticks * 1000000000ull / kBoardCpuHz;
}

// Semihosting SYS_EXIT_EXTENDED (0x20) with ADS_Stopped_ApplicationExit:
// QEMU exits with `status` as its own exit status.
void board_exit(int status) {
  volatile uint32_t block[2] = {0x20026u, (uint32_t)status};
  register uint32_t r0 __asm("r0") = 0x20u;
  register volatile uint32_t* r1 __asm("r1") = block;
  __asm volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
  for (;;) {
  }
}
