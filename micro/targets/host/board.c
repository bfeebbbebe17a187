// The host build of the firmware (tests compare it with TFLM on the PC):
// no instruction counter, plain exit().
#include "board.h"

#include <stdint.h>
#include <stdlib.h>

void board_init(void) {}

uint64_t board_instructions(void) { return 0; }

const char* board_name(void) { return "host"; }

void board_exit(int status) { exit(status); }
