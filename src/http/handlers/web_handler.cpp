#include "http/handlers/web_handler.h"

#include <algorithm>
#include <cstdlib>
#include <string>

#include <boost/beast/core/string.hpp>

namespace persona::http {
namespace {

namespace bhttp = boost::beast::http;

constexpr std::string_view kIndexPath = "/index.html";
constexpr std::string_view kAssetPrefix = "/assets/";
// Hashed names change with their content, so a browser may keep them for good.
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Calls `each` with every element of a comma-separated header list, trimmed.
template <class F>
void ForEachListElement(std::string_view list, F each) {
  while (!list.empty()) {
    auto comma = list.find(',');
    auto element = Trim(list.substr(0, comma));
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    if (!element.empty()) each(element);
  }
}

// RFC 9110 §12.5.3: "gzip" (or "*") listed with a non-zero weight.
bool AcceptsGzip(std::string_view accept_encoding) {
  std::optional<bool> gzip, any;
  ForEachListElement(accept_encoding, [&](std::string_view element) {
    auto semicolon = element.find(';');
    auto coding = Trim(element.substr(0, semicolon));
    bool allowed = true;
    if (semicolon != std::string_view::npos) {
      auto params = Trim(element.substr(semicolon + 1));
      if (params.size() >= 2 && (params[0] == 'q' || params[0] == 'Q') && params[1] == '=') {
        std::string weight(Trim(params.substr(2)));
        allowed = std::strtod(weight.c_str(), nullptr) > 0.0;
      }
    }
    if (boost::beast::iequals(coding, "gzip") || boost::beast::iequals(coding, "x-gzip")) gzip = allowed;
    if (coding == "*") any = allowed;
  });
  return gzip.value_or(any.value_or(false));
}

// RFC 9110 §13.1.2: If-None-Match uses the weak comparison, so W/"x" matches "x".
bool NoneMatchHits(std::string_view if_none_match, std::string_view etag) {
  if (Trim(if_none_match) == "*") return true;
  bool hit = false;
  ForEachListElement(if_none_match, [&](std::string_view tag) {
    if (tag.size() > 2 && tag.substr(0, 2) == "W/") tag.remove_prefix(2);
    hit = hit || tag == etag;
  });
  return hit;
}

// Paths that belong to the server, never to the UI: their unknown sub-paths keep the
// router's JSON 404.
bool IsServerPath(std::string_view path) {
  for (std::string_view prefix : {"/api", "/healthz", "/readyz", "/metrics"}) {
    if (path.substr(0, prefix.size()) != prefix) continue;
    if (path.size() == prefix.size() || path[prefix.size()] == '/') return true;
  }
  return false;
}

const WebAsset* FindAsset(std::span<const WebAsset> assets, std::string_view path) {
  auto it = std::find_if(assets.begin(), assets.end(), [&](const WebAsset& a) { return a.path == path; });
  return it == assets.end() ? nullptr : &*it;
}

Response Serve(const Request& req, const WebAsset& asset, std::string_view cache_control) {
  bool gzip = !asset.gzip.empty() && AcceptsGzip(req.headers[bhttp::field::accept_encoding]);
  // A strong validator names one representation, so the gzip form has its own.
  std::string etag(asset.etag);
  if (gzip) etag.insert(etag.size() - 1, "-gzip");

  Response res;
  res.content_type = std::string(asset.content_type);
  res.headers = {{"Cache-Control", std::string(cache_control)},
                 {"ETag", etag},
                 {"Content-Security-Policy", std::string(kWebContentSecurityPolicy)},
                 {"X-Frame-Options", "DENY"}};
  if (!asset.gzip.empty()) res.headers.emplace_back("Vary", "Accept-Encoding");
  if (NoneMatchHits(req.headers[bhttp::field::if_none_match], etag)) {
    res.status = 304;
    return res;
  }
  if (gzip) res.headers.emplace_back("Content-Encoding", "gzip");
  res.body = std::string(gzip ? asset.gzip : asset.body);
  return res;
}

}  // namespace

std::optional<Response> ServeWebUi(const Request& req, std::span<const WebAsset> assets) {
  if (IsServerPath(req.path)) return std::nullopt;
  const WebAsset* index = FindAsset(assets, kIndexPath);
  if (!index) return std::nullopt;
  if (req.path.substr(0, kAssetPrefix.size()) == kAssetPrefix) {
    // A missing asset is a stale or mistyped link: index.html in its place would be
    // parsed as script or style.
    const WebAsset* asset = FindAsset(assets, req.path);
    if (!asset) return ProblemResponse(404, "no such file of the web UI");
    return Serve(req, *asset, kImmutable);
  }
  // The UI's entry point is revalidated every time, so a new build shows at once.
  return Serve(req, *index, "no-cache");
}

void AddWebUi(Router& router, std::span<const WebAsset> assets) {
  router.SetFallback([assets](const Request& req) { return ServeWebUi(req, assets); });
}

}  // namespace persona::http
