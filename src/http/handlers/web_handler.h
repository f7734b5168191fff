#pragma once

#include <optional>
#include <span>

#include "http/router.h"
#include "http/web_assets.h"

namespace persona::http {

// The Content-Security-Policy of every UI answer: the UI's own files only, no inline
// script or style, never framed.
inline constexpr std::string_view kWebContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

// Answers a GET/HEAD for the web UI: a file under /assets/ (hashed name: cached for a
// year, immutable; gzip when Accept-Encoding allows; 304 for a matching If-None-Match),
// or index.html (no-cache, with an ETag) for every other path, so client-side routes
// such as /personas/ID load the UI. Never for /api/…, /healthz, /readyz or /metrics,
// which keep their JSON 404s; nullopt then, and also when `assets` has no index.html.
std::optional<Response> ServeWebUi(const Request& req, std::span<const WebAsset> assets);

// Installs ServeWebUi over the embedded assets as the router's fallback.
void AddWebUi(Router& router, std::span<const WebAsset> assets = kWebAssets);

}  // namespace persona::http
