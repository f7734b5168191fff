# Turns src/http/openapi.json into persona::http::kOpenApiDocument, served at
# /api/v1/openapi.json, so the binary carries the document its tests check it against.
file(READ ${INPUT} TEXT)
set(LIT "")
string(LENGTH "${TEXT}" LEN)
set(POS 0)
while(POS LESS LEN)
  string(SUBSTRING "${TEXT}" ${POS} 8000 CHUNK)
  string(APPEND LIT "R\"persona_json(${CHUNK})persona_json\"\n")
  math(EXPR POS "${POS} + 8000")
endwhile()
file(WRITE ${OUTPUT}.tmp "// Generated from src/http/openapi.json by cmake/embed_openapi.cmake. Do not edit.
#include <string_view>

namespace persona::http {

extern const std::string_view kOpenApiDocument;
const std::string_view kOpenApiDocument =
${LIT};

}  // namespace persona::http
")
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
