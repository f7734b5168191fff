# Turns db/migrations/NNNN_name.up.sql / NNNN_name.down.sql into a C++ table.
# Each file's text goes in as raw string chunks (compilers limit literal length).
file(GLOB UP_FILES ${MIGRATIONS_DIR}/*.up.sql)
list(SORT UP_FILES)
set(BODY "")
foreach(UP ${UP_FILES})
  get_filename_component(FNAME ${UP} NAME)
  string(REGEX MATCH "^([0-9]+)_(.+)\\.up\\.sql$" _ ${FNAME})
  if(NOT CMAKE_MATCH_1)
    message(FATAL_ERROR "migration file name must be NNNN_name.up.sql: ${FNAME}")
  endif()
  set(VERSION ${CMAKE_MATCH_1})
  set(NAME ${CMAKE_MATCH_2})
  string(REGEX REPLACE "\\.up\\.sql$" ".down.sql" DOWN ${UP})
  if(NOT EXISTS ${DOWN})
    message(FATAL_ERROR "migration ${FNAME} has no down part")
  endif()
  file(READ ${UP} UP_SQL)
  file(READ ${DOWN} DOWN_SQL)
  foreach(PART UP DOWN)
    set(TEXT "${${PART}_SQL}")
    set(LIT "")
    string(LENGTH "${TEXT}" LEN)
    set(POS 0)
    while(POS LESS LEN)
      string(SUBSTRING "${TEXT}" ${POS} 8000 CHUNK)
      string(APPEND LIT "R\"persona_sql(${CHUNK})persona_sql\"\n")
      math(EXPR POS "${POS} + 8000")
    endwhile()
    if(LIT STREQUAL "")
      set(LIT "\"\"")
    endif()
    set(${PART}_LIT "${LIT}")
  endforeach()
  math(EXPR VERSION_NUM "${VERSION}")
  string(APPEND BODY "    {${VERSION_NUM}, \"${NAME}\",\n${UP_LIT},\n${DOWN_LIT}},\n")
endforeach()
file(WRITE ${OUTPUT}.tmp "// Generated from db/migrations by cmake/embed_migrations.cmake. Do not edit.
#include \"storage/pg/migration.h\"

namespace persona::storage {

const std::vector<Migration>& EmbeddedMigrations() {
  static const std::vector<Migration> kMigrations = {
${BODY}  };
  return kMigrations;
}

}  // namespace persona::storage
")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
