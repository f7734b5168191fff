#pragma once

#include <string>
#include <string_view>

namespace persona {

// Appends `text` as a JSON string (quotes included), escaped as nlohmann's dump() escapes
// it, with each byte that is not part of valid UTF-8 replaced by U+FFFD as dump() does
// with error_handler_t::replace. For the hot paths (rows, the access log) that write JSON
// text without building an object first.
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace persona
