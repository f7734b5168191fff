#pragma once

#include <deque>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "http/web_assets.h"

namespace persona::http {

// The web UI read from a directory (PERSONA_WEB_DIR: the output of web/build.mjs) in
// place of the copy compiled into the binary, so a UI change shows after `node
// web/build.mjs` without relinking. Read once, at start; served exactly like the
// embedded files. Throws std::runtime_error when DIR has no index.html.
class WebDirectory {
 public:
  explicit WebDirectory(const std::filesystem::path& dir);

  std::span<const WebAsset> Assets() const { return assets_; }

 private:
  std::deque<std::string> storage_;  // the bytes the assets' views point into
  std::vector<WebAsset> assets_;
};

}  // namespace persona::http
