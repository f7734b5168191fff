#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

// Random tokens and codes, and how they are stored: hashed with SHA-256.
namespace persona::crypto {

// `n` single-use 2FA recovery codes like "7kq3-m9xz-2hdw": 12 characters from a 32-symbol
// alphabet, 60 bits of entropy each. Shown to the user once; store HashToken of each.
std::vector<std::string> NewRecoveryCodes(int n = 10);

// What the user typed, reduced to the canonical form of a code: lowercase, spaces and
// dashes removed, and the look-alikes the alphabet leaves out mapped to the symbols they
// are mistaken for (o -> 0, i and l -> 1). Hash this, not the raw input.
std::string NormalizeRecoveryCode(std::string_view typed);

// Lowercase hex SHA-256. For high-entropy secrets only (session and API tokens with 256
// bits, recovery codes with 60): guessing those is hopeless at any hash speed, so a
// fast, unsalted hash is enough and allows lookup by hash in one indexed query.
// Passwords and other low-entropy secrets go through PasswordHasher (Argon2id).
std::string HashToken(std::string_view token);

// `bytes` random bytes (default 256 bits) as base64url without padding: session
// cookies, API tokens.
std::string NewToken(std::size_t bytes = 32);

// Compares in time that depends only on the lengths, not on where the inputs differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace persona::crypto
