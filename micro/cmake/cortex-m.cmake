# What the Cortex-M toolchain files share: arm-none-eabi-gcc, bare metal, newlib with
# semihosting (rdimon). A board's file sets TFASC_BOARD, TFASC_CPU_FLAGS,
# TFASC_BOARD_DEFINES and TFLM_TARGET_PREFIX, then includes this file.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_CXX_COMPILER arm-none-eabi-g++)
# Bare-metal programs need the board's linker script to link: probe the compilers with a
# static library instead.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

# -ffunction-sections/-fdata-sections with --gc-sections keep only what is referenced
# (one FFT size's tables, the kernels the model calls).
string(JOIN " " _tfasc_flags ${TFASC_CPU_FLAGS} -DNDEBUG -ffunction-sections -fdata-sections)
set(CMAKE_C_FLAGS_INIT "${_tfasc_flags}")
set(CMAKE_CXX_FLAGS_INIT "${_tfasc_flags}")
set(CMAKE_EXE_LINKER_FLAGS_INIT "--specs=rdimon.specs -nostartfiles -Wl,--gc-sections")
