# Builds web/ into DIST, then embeds it (embed_web.cmake) into OUTPUT.
# `npm ci` runs when node_modules is missing or package-lock.json changed since the last
# install. Build directories share web/node_modules, so a lock keeps two builds (say
# build/ and build-asan/) from installing or generating at the same time.
file(LOCK ${WEB_DIR}/.build.lock GUARD PROCESS TIMEOUT 1800 RESULT_VARIABLE LOCKED)
if(NOT LOCKED EQUAL 0)
  message(FATAL_ERROR "cannot lock ${WEB_DIR}/.build.lock: ${LOCKED}")
endif()

file(SHA256 ${WEB_DIR}/package-lock.json LOCK_HASH)
set(STAMP ${WEB_DIR}/node_modules/.persona-installed)
set(INSTALLED "")
if(EXISTS ${STAMP})
  file(READ ${STAMP} INSTALLED)
endif()
if(NOT EXISTS ${WEB_DIR}/node_modules OR NOT INSTALLED STREQUAL LOCK_HASH)
  message(STATUS "web: npm ci")
  execute_process(COMMAND ${NPM} ci --no-audit --no-fund WORKING_DIRECTORY ${WEB_DIR} RESULT_VARIABLE RC)
  if(NOT RC EQUAL 0)
    message(FATAL_ERROR "web: npm ci failed (${RC})")
  endif()
  file(WRITE ${STAMP} "${LOCK_HASH}")
endif()

execute_process(COMMAND ${NODE} build.mjs --outdir ${DIST} WORKING_DIRECTORY ${WEB_DIR} RESULT_VARIABLE RC)
if(NOT RC EQUAL 0)
  message(FATAL_ERROR "web: the UI build failed (${RC}); see above")
endif()
file(LOCK ${WEB_DIR}/.build.lock RELEASE)

include(${CMAKE_CURRENT_LIST_DIR}/embed_web.cmake)
