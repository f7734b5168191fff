#pragma once

#include <span>
#include <string_view>

namespace persona::http {

// One file of the built web UI (web/dist), compiled into the binary by
// cmake/embed_web.cmake. `gzip` is its precompressed form, empty when compressing did
// not pay (tiny files).
struct WebAsset {
  std::string_view path;          // "/index.html", "/assets/main-3KX2A7QF.js"
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  std::string_view etag;          // strong, quoted: "\"5f1c…\"" (SHA-256 of the file)
  std::string_view body;
  std::string_view gzip;
};

// Every file of the UI; empty when the build left the UI out (-DPERSONA_WEB=OFF).
extern const std::span<const WebAsset> kWebAssets;

}  // namespace persona::http
