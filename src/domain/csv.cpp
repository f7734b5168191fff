#include "domain/csv.h"

#include <csv.h>
#include <unistr.h>

#include <stdexcept>

namespace persona::domain {
namespace {

struct Rows {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> current;
};

void OnField(void* field, size_t size, void* data) {
  static_cast<Rows*>(data)->current.emplace_back(static_cast<const char*>(field), size);
}

void OnRow(int, void* data) {
  auto* rows = static_cast<Rows*>(data);
  rows->rows.push_back(std::move(rows->current));
  rows->current.clear();
}

}  // namespace

std::vector<std::vector<std::string>> ParseCsv(std::string_view text) {
  // Cells become text columns, which hold only UTF-8.
  if (u8_check(reinterpret_cast<const uint8_t*>(text.data()), text.size()) != nullptr) {
    throw std::invalid_argument("malformed CSV (not UTF-8 text)");
  }
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) throw std::runtime_error("libcsv: cannot initialise");
  Rows rows;
  bool ok = csv_parse(&parser, text.data(), text.size(), OnField, OnRow, &rows) == text.size() &&
            csv_fini(&parser, OnField, OnRow, &rows) == 0;
  std::string reason = ok ? "" : csv_strerror(csv_error(&parser));
  csv_free(&parser);
  if (!ok) throw std::invalid_argument("malformed CSV (" + reason + ")");
  return std::move(rows.rows);
}

std::string CsvLine(const std::vector<std::string>& cells) {
  std::string line;
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string cell = cells[i];
    if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) {
      cell.insert(cell.begin(), '\'');
    }
    std::string quoted(cell.size() * 2 + 2, '\0');
    quoted.resize(csv_write(quoted.data(), quoted.size(), cell.data(), cell.size()));
    if (i > 0) line += ',';
    line += quoted;
  }
  return line + "\r\n";
}

}  // namespace persona::domain
