# QEMU `-M mps2-an386`: Arm MPS2 AN386, Cortex-M4 with single-precision FPU.
#   cmake -S micro -B build -DCMAKE_TOOLCHAIN_FILE=micro/cmake/mps2-an386.cmake ...
set(TFASC_BOARD mps2_an386)
set(TFASC_CPU_FLAGS -mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard -mthumb)
set(TFASC_BOARD_DEFINES "")
# gen/ folder prefix of a TFLM build for this core (TARGET=cortex_m_generic).
set(TFLM_TARGET_PREFIX cortex_m_generic_cortex-m4+fp_)
include(${CMAKE_CURRENT_LIST_DIR}/cortex-m.cmake)
