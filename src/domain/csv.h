#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace persona::domain {

// RFC 4180 CSV of UTF-8 text through libcsv (strict: a stray quote is an error). Throws
// std::invalid_argument with the reason on malformed input, bytes that are not UTF-8
// included.
std::vector<std::vector<std::string>> ParseCsv(std::string_view text);

// One CSV line (CRLF-terminated), every cell quoted. A cell that a spreadsheet would run as
// a formula (starting with = + - @ tab or CR) gets a leading apostrophe (OWASP, CSV injection).
std::string CsvLine(const std::vector<std::string>& cells);

}  // namespace persona::domain
