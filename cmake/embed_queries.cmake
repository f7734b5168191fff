# Turns db/queries/<area>/<name>.sql (one statement each) into named constants:
# db/queries/users/insert.sql -> persona::queries::kUsersInsert, prepared as "users_insert".
# With -DNAMESPACE=x the constants go to persona::x instead (db/export: cursor queries,
# which PostgreSQL cannot prepare).
if(NOT NAMESPACE)
  set(NAMESPACE queries)
endif()
file(GLOB_RECURSE QUERY_FILES RELATIVE ${QUERIES_DIR} ${QUERIES_DIR}/*.sql)
list(SORT QUERY_FILES)
set(DECLS "")
set(NAMES "")
foreach(REL ${QUERY_FILES})
  string(REGEX REPLACE "\\.sql$" "" BASE ${REL})
  string(REPLACE "/" "_" STMT ${BASE})
  # CamelCase constant name from the snake_case statement name.
  string(REPLACE "_" ";" PARTS ${STMT})
  set(CONST "k")
  foreach(P ${PARTS})
    string(SUBSTRING ${P} 0 1 FIRST)
    string(TOUPPER ${FIRST} FIRST)
    string(SUBSTRING ${P} 1 -1 REST)
    string(APPEND CONST "${FIRST}${REST}")
  endforeach()
  file(READ ${QUERIES_DIR}/${REL} SQL)
  string(STRIP "${SQL}" SQL)
  string(APPEND DECLS "inline constexpr Query ${CONST}{\"${STMT}\", R\"persona_sql(${SQL})persona_sql\"};\n")
  string(APPEND NAMES "    ${CONST},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp "// Generated from ${QUERIES_DIR} by cmake/embed_queries.cmake. Do not edit.
#pragma once

#include <array>
#include <string_view>

namespace persona::${NAMESPACE} {

struct Query {
  std::string_view name;  // prepared statement name (db/queries)
  std::string_view sql;
};

${DECLS}
// Every query, so a new connection can register them all as prepared statements.
inline constexpr std::array kAll{
${NAMES}};

}  // namespace persona::${NAMESPACE}
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
