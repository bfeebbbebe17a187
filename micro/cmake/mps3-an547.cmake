# QEMU `-M mps3-an547`: Arm MPS3 AN547 (Corstone SSE-300), Cortex-M55 with Helium.
#   cmake -S micro -B build -DCMAKE_TOOLCHAIN_FILE=micro/cmake/mps3-an547.cmake ...
set(TFASC_BOARD mps3_an547)
set(TFASC_CPU_FLAGS -mcpu=cortex-m55 -mfloat-abi=hard -mthumb)
# The vendored CMSIS-DSP subset lacks the Helium (MVE) FFT twiddle tables: use its portable
# C path, which GCC may still auto-vectorize for MVE.
set(TFASC_BOARD_DEFINES ARM_MATH_AUTOVECTORIZE)
set(TFLM_TARGET_PREFIX cortex_m_generic_cortex-m55_)
include(${CMAKE_CURRENT_LIST_DIR}/cortex-m.cmake)
