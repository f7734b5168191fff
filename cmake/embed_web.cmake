# Turns the built web UI (DIST, the output of web/build.mjs) into the table
# persona::http::kWebAssets that `serve` answers from, so the binary carries its UI.
# Every file becomes a string literal with its content type and a strong ETag (SHA-256);
# FILE.gz beside FILE (written by the build) is its precompressed form. Without DIST the
# table is empty (-DPERSONA_WEB=OFF).
string(REPEAT "[0-9a-f]" 128 LINE_OF_HEX)

# Appends to BODY a static array NAME holding FILE's bytes.
function(embed_bytes NAME FILE)
  file(READ ${FILE} HEX HEX)
  string(REGEX REPLACE "(${LINE_OF_HEX})" "\\1\n" HEX "${HEX}")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "\\\\x\\1" HEX "${HEX}")
  string(REPLACE "\n" "\"\n    \"" HEX "${HEX}")
  set(BODY "${BODY}const char ${NAME}[] =\n    \"${HEX}\";\n" PARENT_SCOPE)
endfunction()

function(content_type_of FILE OUT)
  get_filename_component(EXT ${FILE} LAST_EXT)
  string(TOLOWER "${EXT}" EXT)
  if(EXT STREQUAL ".html")
    set(TYPE "text/html; charset=utf-8")
  elseif(EXT STREQUAL ".js")
    set(TYPE "text/javascript; charset=utf-8")
  elseif(EXT STREQUAL ".css")
    set(TYPE "text/css; charset=utf-8")
  elseif(EXT STREQUAL ".svg")
    set(TYPE "image/svg+xml")
  elseif(EXT STREQUAL ".json")
    set(TYPE "application/json")
  elseif(EXT STREQUAL ".png")
    set(TYPE "image/png")
  elseif(EXT STREQUAL ".woff2")
    set(TYPE "font/woff2")
  elseif(EXT STREQUAL ".txt")
    set(TYPE "text/plain; charset=utf-8")
  else()
    set(TYPE "application/octet-stream")
  endif()
  set(${OUT} "${TYPE}" PARENT_SCOPE)
endfunction()

set(BODY "")
set(ENTRIES "")
set(FILES "")
if(DIST AND EXISTS ${DIST}/index.html)
  file(GLOB_RECURSE FILES RELATIVE ${DIST} ${DIST}/*)
  list(FILTER FILES EXCLUDE REGEX "\\.gz$")
  list(SORT FILES)
endif()
set(N 0)
foreach(REL ${FILES})
  set(FILE ${DIST}/${REL})
  embed_bytes(kFile${N} ${FILE})
  file(SIZE ${FILE} SIZE)
  set(GZIP "{}")
  if(EXISTS ${FILE}.gz)
    embed_bytes(kGzip${N} ${FILE}.gz)
    file(SIZE ${FILE}.gz GZIP_SIZE)
    set(GZIP "{kGzip${N}, ${GZIP_SIZE}}")
  endif()
  file(SHA256 ${FILE} HASH)
  string(SUBSTRING ${HASH} 0 32 HASH)
  content_type_of(${REL} TYPE)
  string(APPEND ENTRIES "    {\"/${REL}\", \"${TYPE}\", \"\\\"${HASH}\\\"\", {kFile${N}, ${SIZE}}, ${GZIP}},\n")
  math(EXPR N "${N} + 1")
endforeach()

if(N EQUAL 0)
  set(TABLE "const std::span<const WebAsset> kWebAssets{};\n")
else()
  set(TABLE "namespace {\n\n${BODY}\nconst WebAsset kTable[] = {\n${ENTRIES}};\n\n}  // namespace\n\n")
  string(APPEND TABLE "const std::span<const WebAsset> kWebAssets(kTable);\n")
endif()

file(WRITE ${OUTPUT}.tmp "// Generated from the built web UI by cmake/embed_web.cmake. Do not edit.
#include \"http/web_assets.h\"

namespace persona::http {

${TABLE}
}  // namespace persona::http
")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
