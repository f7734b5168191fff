# The fuzz targets (fuzz/<name>_fuzz.cpp, built as fuzz_<name>), read by fuzz/CMakeLists.txt
# and fuzz/ci.cmake so both name the same ones.
set(PERSONA_FUZZ_TARGETS
    persona_body account_body post_body template_body api_body
    proxy_line template_render csv_import text_length http_request)
