#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace persona::domain {

// The most word comparisons DiffFromTemplate makes (middle words of one text times the
// other's) before it gives up on finding common words.
inline constexpr long long kMaxDiffCells = 4'000'000;

// How the text a user finally posted differs from the text the template rendered, word
// by word: words are the runs between ASCII whitespace, so re-wrapping or re-spacing a
// text is not a change. Returns
//   {"operations": [{"op": "keep"|"delete"|"insert", "text": "words joined by ' '"}, …],
//    "words_kept": n, "words_deleted": n, "words_inserted": n, "change_ratio": 0..1}
// Adjacent operations of the same kind are merged, and between two kept runs the deleted
// words come before the inserted ones. change_ratio is (deleted + inserted) / (words in
// both texts), rounded to 2 decimals; 0 when both are empty.
// A longest-common-subsequence diff after stripping the common first and last words.
// When what is left would need more than kMaxDiffCells comparisons, the middle is
// reported as one delete and one insert instead, so a huge text costs linear time.
// Bytes that are not valid UTF-8 come back as U+FFFD, so the result can always be
// serialized.
nlohmann::json DiffFromTemplate(std::string_view rendered, std::string_view final_text);

// "low" below 0.2, "medium" below 0.5, "high" otherwise: how much a user rewrote a
// template, for reports.
std::string CustomizationLevel(double change_ratio);

}  // namespace persona::domain
