#pragma once

#include <utility>

#include <pqxx/pqxx>

#include "app/page.h"
#include "storage/pg/row_json.h"

namespace persona::storage {

// Runs a list query whose last three parameters are the page's (after_at, after_id,
// limit) and whose rows carry `_sort_at` (microsecond UTC text) and `_sort_id`, in
// descending order. One row more than the limit is fetched to know whether a next
// page exists.
template <typename... Params>
app::Page FetchPage(pqxx::transaction_base& tx, const char* query, const app::PageRequest& page, Params&&... params) {
  const char* after_at = page.after ? page.after->at.c_str() : nullptr;
  const char* after_id = page.after ? page.after->id.c_str() : nullptr;
  pqxx::result rows = tx.exec_prepared(query, std::forward<Params>(params)..., after_at, after_id, page.limit + 1);
  app::Page out;
  out.items.text = "[";
  int count = 0;
  for (const auto& row : rows) {
    if (count == page.limit) {
      const auto& last = rows[page.limit - 1];
      out.next = app::PageKey{last["_sort_at"].as<std::string>(), last["_sort_id"].as<std::string>()};
      break;
    }
    if (count++ > 0) out.items.text.push_back(',');
    AppendRowJson(out.items.text, row);
  }
  out.items.text.push_back(']');
  return out;
}

}  // namespace persona::storage
