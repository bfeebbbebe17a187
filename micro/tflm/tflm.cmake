# The TFLM harness (harness.cc) for the files `tfasc export-c` generated; included by
# ../CMakeLists.txt, which defines _micro, _gen, _export_sources, _warnings, _tfasc_host.
#
# With TFLM_ROOT (a tflite-micro tree whose microlite library was built for this target with
# `make -f tensorflow/lite/micro/tools/make/Makefile [TARGET=cortex_m_generic
# TARGET_ARCH=cortex-m4+fp] microlite`) it builds `tflm_harness`, for the host or a board.
# The library is the one under TFLM_ROOT/gen/ built for this target (TFLM_GEN_DIR chooses
# when there are several), and the harness gets the defines that library was built with.
#
# With XMOS_AITOOLS_RUNTIME instead, `tflm_harness_objects` compiles the harness against the
# xmos-ai-tools wheel's TFLM headers, and on the host `tflm_harness` tries to link its
# library, which lacks the interpreter (README.md): a compile check, nothing to run.
set(_harness_sources ${_micro}/tflm/harness.cc ${_export_sources})

if(TFLM_ROOT)
  if(TFLM_GEN_DIR)
    set(_tflm_build ${TFLM_GEN_DIR})
  else()
    if(_tfasc_host)
      string(TOLOWER "${CMAKE_HOST_SYSTEM_NAME}_${CMAKE_HOST_SYSTEM_PROCESSOR}_"
             TFLM_TARGET_PREFIX)
    endif()
    file(GLOB _candidates LIST_DIRECTORIES true "${TFLM_ROOT}/gen/${TFLM_TARGET_PREFIX}*")
    list(LENGTH _candidates _count)
    if(NOT _count EQUAL 1)
      message(FATAL_ERROR "found ${_count} TFLM builds for ${TFASC_BOARD} in "
              "${TFLM_ROOT}/gen/${TFLM_TARGET_PREFIX}* (${_candidates}); "
              "build microlite for this target or set TFLM_GEN_DIR to one")
    endif()
    list(GET _candidates 0 _tflm_build)
  endif()
  set(_tflm_library ${_tflm_build}/lib/libtensorflow-microlite.a)
  if(NOT EXISTS ${_tflm_library})
    message(FATAL_ERROR "no ${_tflm_library}: build microlite in TFLM_ROOT for this target")
  endif()
  # BUILD_TYPE=release compiles TFLM with TF_LITE_STRIP_ERROR_STRINGS, and then the library
  # has no MicroPrintf that the inline op-resolver methods would otherwise call.
  set(_tflm_defines ${TFLM_DEFINES})
  get_filename_component(_tflm_build_name ${_tflm_build} NAME)
  if(NOT TFLM_DEFINES AND _tflm_build_name MATCHES "_release(_|$)"
     AND NOT _tflm_build_name MATCHES "_release_with_logs")
    set(_tflm_defines TF_LITE_STRIP_ERROR_STRINGS)
  endif()
  message(STATUS "TFLM harness: ${_tflm_library} (defines: ${_tflm_defines})")

  set(_downloads ${TFLM_ROOT}/tensorflow/lite/micro/tools/make/downloads)
  add_executable(tflm_harness ${_harness_sources})
  target_include_directories(tflm_harness PRIVATE ${_gen} ${TFLM_ROOT}
    ${_downloads}/flatbuffers/include ${_downloads}/gemmlowp ${_downloads}/ruy)
  target_compile_definitions(tflm_harness PRIVATE
    TF_LITE_STATIC_MEMORY TFASC_WITH_FRONTEND ${_tflm_defines})
  target_compile_options(tflm_harness PRIVATE ${_warnings})
  target_link_libraries(tflm_harness PRIVATE tfasc_logmel ${_tflm_library} tfasc_board)
elseif(XMOS_AITOOLS_RUNTIME)
  # Without NO_INTERPRETER and TF_LITE_STATIC_MEMORY, because the wheel's
  # micro_interpreter.h does not compile with them (README.md).
  add_library(tflm_harness_objects OBJECT ${_harness_sources})
  target_include_directories(tflm_harness_objects PRIVATE ${_gen}
    ${XMOS_AITOOLS_RUNTIME}/include ${TFASC_GEMMLOWP_INCLUDE_DIR})
  target_compile_definitions(tflm_harness_objects PRIVATE
    TFASC_TFLM_NAMESPACE=tflite_micro TF_LITE_STRIP_ERROR_STRINGS TFASC_WITH_FRONTEND)
  target_compile_options(tflm_harness_objects PRIVATE ${_warnings})
  target_link_libraries(tflm_harness_objects PRIVATE tfasc_logmel tfasc_board)
  if(_tfasc_host)
    add_executable(tflm_harness $<TARGET_OBJECTS:tflm_harness_objects>)
    target_link_libraries(tflm_harness PRIVATE tfasc_logmel
      ${XMOS_AITOOLS_RUNTIME}/lib/libhost_xtflitemicro.a tfasc_board)
  endif()
endif()
