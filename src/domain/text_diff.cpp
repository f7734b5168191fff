#include "domain/text_diff.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace persona::domain {
namespace {

using nlohmann::json;
using Words = std::vector<std::string_view>;

// The LCS table stores lengths as 16 bits: with n * m capped, the shorter side (and so
// any common subsequence) is at most sqrt(kMaxDiffCells) words.
static_assert(kMaxDiffCells <= 65535LL * 65535LL);

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

Words SplitWords(std::string_view text) {
  Words words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && IsSpace(text[pos])) ++pos;
    std::size_t start = pos;
    while (pos < text.size() && !IsSpace(text[pos])) ++pos;
    if (pos > start) words.push_back(text.substr(start, pos - start));
  }
  return words;
}

// The result is stored and sent as JSON, whose serializer throws on invalid UTF-8 by
// default; its replacing mode already knows how to repair text, so reuse it rather than
// keep a second decoder.
std::string ValidUtf8(const std::string& text) {
  auto quoted = json(text).dump(-1, ' ', false, json::error_handler_t::replace);
  return json::parse(quoted).get<std::string>();
}

enum class Op { kKeep, kDelete, kInsert };

// Collects the edit script word by word, merging adjacent words with the same operation.
class Script {
 public:
  void Add(Op op, std::string_view word) {
    if (op != op_) Flush();
    op_ = op;
    if (!run_.empty()) run_ += ' ';
    run_ += word;
    ++counts_[static_cast<int>(op)];
  }

  json Finish() {
    Flush();
    auto [kept, deleted, inserted] = counts_;
    std::size_t total = 2 * kept + deleted + inserted;  // words in both texts
    double ratio = total == 0 ? 0.0 : static_cast<double>(deleted + inserted) / static_cast<double>(total);
    return {{"operations", std::move(operations_)},
            {"words_kept", kept},
            {"words_deleted", deleted},
            {"words_inserted", inserted},
            {"change_ratio", std::round(ratio * 100.0) / 100.0}};
  }

 private:
  void Flush() {
    if (run_.empty()) return;  // words are never empty, so an empty run has none
    static constexpr const char* kNames[] = {"keep", "delete", "insert"};
    operations_.push_back({{"op", kNames[static_cast<int>(op_)]}, {"text", ValidUtf8(run_)}});
    run_.clear();
  }

  json operations_ = json::array();
  Op op_ = Op::kKeep;
  std::string run_;
  std::array<std::size_t, 3> counts_{};
};

// Diffs a[a_begin, a_end) against b[b_begin, b_end), which share no first or last word.
void DiffMiddle(const Words& a, std::size_t a_begin, std::size_t a_end, const Words& b, std::size_t b_begin,
                std::size_t b_end, Script& script) {
  std::size_t n = a_end - a_begin;
  std::size_t m = b_end - b_begin;
  if (static_cast<long double>(n) * static_cast<long double>(m) > static_cast<long double>(kMaxDiffCells)) {
    for (std::size_t i = a_begin; i < a_end; ++i) script.Add(Op::kDelete, a[i]);
    for (std::size_t j = b_begin; j < b_end; ++j) script.Add(Op::kInsert, b[j]);
    return;
  }
  // lcs[i * (m + 1) + j]: length of the longest common subsequence of the i-th and j-th
  // suffixes of the middles, so the walk below can go forwards.
  std::vector<std::uint16_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint16_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t j = m; j-- > 0;) {
      if (a[a_begin + i] == b[b_begin + j]) {
        at(i, j) = static_cast<std::uint16_t>(at(i + 1, j + 1) + 1);
      } else {
        at(i, j) = std::max(at(i + 1, j), at(i, j + 1));
      }
    }
  }
  // Deleting on ties puts each run of changes in the order delete, then insert: once the
  // walk inserts, the table makes it keep inserting until the next common word.
  std::size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (a[a_begin + i] == b[b_begin + j]) {
      script.Add(Op::kKeep, a[a_begin + i]);
      ++i;
      ++j;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      script.Add(Op::kDelete, a[a_begin + i++]);
    } else {
      script.Add(Op::kInsert, b[b_begin + j++]);
    }
  }
  for (; i < n; ++i) script.Add(Op::kDelete, a[a_begin + i]);
  for (; j < m; ++j) script.Add(Op::kInsert, b[b_begin + j]);
}

}  // namespace

nlohmann::json DiffFromTemplate(std::string_view rendered, std::string_view final_text) {
  Words a = SplitWords(rendered);
  Words b = SplitWords(final_text);
  // Most edits touch a few words of a long post: the common ends cost nothing to find
  // and keep the quadratic part (and the cap) about what actually changed.
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }

  Script script;
  for (std::size_t i = 0; i < prefix; ++i) script.Add(Op::kKeep, a[i]);
  DiffMiddle(a, prefix, a.size() - suffix, b, prefix, b.size() - suffix, script);
  for (std::size_t i = a.size() - suffix; i < a.size(); ++i) script.Add(Op::kKeep, a[i]);
  return script.Finish();
}

std::string CustomizationLevel(double change_ratio) {
  if (change_ratio < 0.2) return "low";
  if (change_ratio < 0.5) return "medium";
  return "high";
}

}  // namespace persona::domain
