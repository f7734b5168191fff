#pragma once

#include <string>

namespace persona::app {

// JSON a store wrote straight from its rows, as the API shows it: a read passes it to the
// response untouched instead of building an object of every row and then dumping it.
struct JsonText {
  std::string text;
};

}  // namespace persona::app
