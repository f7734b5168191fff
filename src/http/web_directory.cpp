#include "http/web_directory.h"

#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

namespace persona::http {
namespace {

// The types cmake/embed_web.cmake gives the embedded copy.
std::string_view ContentTypeOf(const std::filesystem::path& file) {
  auto ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".json") return "application/json";
  if (ext == ".png") return "image/png";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

std::string ReadFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) throw std::runtime_error("cannot read " + file.string());
  return bytes.str();
}

}  // namespace

WebDirectory::WebDirectory(const std::filesystem::path& dir) {
  if (!std::filesystem::is_regular_file(dir / "index.html")) {
    throw std::runtime_error("PERSONA_WEB_DIR " + dir.string() +
                             " has no index.html (run: node web/build.mjs --outdir DIR)");
  }
  auto keep = [this](std::string s) -> std::string_view { return storage_.emplace_back(std::move(s)); };
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    const auto& file = entry.path();
    if (!entry.is_regular_file() || file.extension() == ".gz") continue;
    auto body = keep(ReadFile(file));
    auto gz = file;
    gz += ".gz";
    // Only a validator for a development copy: a hash of the bytes is enough.
    auto etag = keep(fmt::format("\"{:016x}\"", std::hash<std::string_view>{}(body)));
    assets_.push_back({keep("/" + file.lexically_relative(dir).generic_string()), ContentTypeOf(file), etag, body,
                       std::filesystem::exists(gz) ? keep(ReadFile(gz)) : std::string_view{}});
  }
}

}  // namespace persona::http
