#pragma once

#include <optional>
#include <string>
#include <string_view>

// Text encodings for binary values (keys, IVs, tags, TOTP secrets, tokens). Decoders are
// strict and return std::nullopt for anything that is not the canonical encoding of some
// byte string, because their input comes from files, the database and users.
namespace persona::crypto {

// RFC 4648 section 4, standard alphabet, with '=' padding.
std::string Base64Encode(std::string_view bytes);
// Rejects whitespace, a length that is not a multiple of 4, misplaced padding and
// non-zero bits after the last byte, so every byte string has exactly one accepted form.
std::optional<std::string> Base64Decode(std::string_view text);

// RFC 4648 section 5 (URL- and filename-safe alphabet), without padding: for tokens
// that travel in headers, cookies and URLs.
std::string Base64UrlEncode(std::string_view bytes);

// Lowercase hexadecimal.
std::string HexEncode(std::string_view bytes);
// Accepts upper and lower case; rejects an odd length and non-hex characters.
std::optional<std::string> HexDecode(std::string_view text);

// RFC 4648 section 6, uppercase, without padding (what authenticator apps expect in an
// otpauth URI).
std::string Base32Encode(std::string_view bytes);
// Case-insensitive; trailing '=' padding is accepted but not required. Rejects other
// characters, impossible lengths and non-zero bits after the last byte.
std::optional<std::string> Base32Decode(std::string_view text);

}  // namespace persona::crypto
