#pragma once

#include <string>
#include <string_view>

namespace persona::crypto {

// A QR code (error correction level M) for `text` as a self-contained SVG document: one
// black <path> of module squares on a white background, a 4-module quiet zone, a viewBox
// so it scales, and no text, script or external reference. The input never appears in
// the SVG (it is usually an otpauth URI holding a TOTP secret). Throws std::runtime_error
// when `text` is empty or too long for a QR code.
std::string QrSvg(std::string_view text);

}  // namespace persona::crypto
