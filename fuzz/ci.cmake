# The fuzz targets as part of the tests (docs/fuzzing.md). The tests are built by g++ and
# libFuzzer needs clang, so the targets get a build of their own, build-fuzz/ beside this
# one, made by fuzz/run.sh --build (clang++-14, ccache) when this build is. Each target
# then runs for 10 s on its corpus as the ctest test fuzz_<name>, which fails on any crash.
option(PERSONA_FUZZ_CI "Build the fuzz targets with clang++-14 in build-fuzz/ and run each for 10 s under ctest" ON)
if(NOT PERSONA_FUZZ_CI)
  return()
endif()
find_program(PERSONA_FUZZ_CXX clang++-14)
if(NOT PERSONA_FUZZ_CXX)
  message(FATAL_ERROR "the fuzz tests need clang++-14 and libFuzzer (Debian's clang-14 and libclang-rt-14-dev, "
                      "which scripts/setup --tests installs); or configure with -DPERSONA_FUZZ_CI=OFF")
endif()
include(${CMAKE_CURRENT_LIST_DIR}/targets.cmake)

add_custom_target(persona_fuzzers ALL
  COMMAND ${CMAKE_COMMAND} -E env FUZZ_CXX=${PERSONA_FUZZ_CXX} ${CMAKE_CURRENT_LIST_DIR}/run.sh --build
  USES_TERMINAL
  COMMENT "Building the fuzz targets (clang++-14, build-fuzz/)")
# Last, alone: two parallel ninjas on two cores would each get half.
get_property(PERSONA_TEST_TARGETS DIRECTORY ${CMAKE_SOURCE_DIR}/tests PROPERTY BUILDSYSTEM_TARGETS)
set(PERSONA_BENCH_TARGETS)
if(PERSONA_BENCH)
  get_property(PERSONA_BENCH_TARGETS DIRECTORY ${CMAKE_SOURCE_DIR}/bench PROPERTY BUILDSYSTEM_TARGETS)
endif()
add_dependencies(persona_fuzzers persona ${PERSONA_TEST_TARGETS} ${PERSONA_BENCH_TARGETS})

foreach(TARGET_NAME ${PERSONA_FUZZ_TARGETS})
  add_test(NAME fuzz_${TARGET_NAME} COMMAND ${CMAKE_CURRENT_LIST_DIR}/run.sh --no-build ${TARGET_NAME} 10)
  set_tests_properties(fuzz_${TARGET_NAME} PROPERTIES LABELS fuzz TIMEOUT 120)
endforeach()
