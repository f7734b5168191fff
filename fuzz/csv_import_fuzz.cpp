// CSV import of planned posts (POST /api/v1/posts/import: domain/csv, then
// PostService::Import row by row into Create) over the fake API, and the CSV writer the
// export uses (domain::CsvLine) against the parser: every row parsed from the input,
// written out again, parses back to the same cells (with the apostrophe CsvLine puts
// before a cell a spreadsheet would run as a formula).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "domain/csv.h"
#include "fake_api.h"

namespace {

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "csv_import: %s\n", what.c_str());
  std::abort();
}

void CheckRoundTrip(const std::vector<std::string>& row) {
  std::vector<std::vector<std::string>> back;
  try {
    back = persona::domain::ParseCsv(persona::domain::CsvLine(row));
  } catch (const std::invalid_argument& e) {
    Fail(std::string("CsvLine wrote a line ParseCsv refuses: ") + e.what());
  }
  if (back.size() != 1 || back[0].size() != row.size()) Fail("CsvLine's line parses to another shape");
  for (std::size_t i = 0; i < row.size(); ++i) {
    std::string expected = row[i];
    if (!expected.empty() && std::string_view("=+-@\t\r").find(expected.front()) != std::string_view::npos) {
      expected.insert(expected.begin(), '\'');
    }
    if (back[0][i] != expected) Fail("a cell changed on its way through CsvLine: " + row[i]);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string csv(reinterpret_cast<const char*>(data), size);
  try {
    for (const auto& row : persona::domain::ParseCsv(csv)) CheckRoundTrip(row);
  } catch (const std::invalid_argument&) {
    // Malformed CSV: the import answers 422 for it, checked below.
  }

  auto& api = persona::fuzz::SharedApi();
  api.Reset();
  auto req = persona::fuzz::FakeApi::JsonRequest(boost::beast::http::verb::post, "/api/v1/posts/import", csv);
  req.headers.set(boost::beast::http::field::content_type, "text/csv; charset=utf-8");
  auto res = api.Send(req);
  if (res.status != 200 && res.status != 422 && res.status != 404 && res.status != 409) {
    persona::fuzz::Fail(req, "import answered " + std::to_string(res.status));
  }
  return 0;
}
