#pragma once

#include <cstddef>
#include <string>

namespace persona {

// Cryptographically secure random bytes (OpenSSL's CSPRNG), as lowercase hex.
// Throws std::runtime_error if the CSPRNG fails, never returns weak randomness.
std::string RandomHex(std::size_t bytes);

// A random (version 4) UUID in its canonical text form.
std::string NewUuid();

// A password of `length` characters from an alphabet without look-alikes.
std::string RandomPassword(std::size_t length);

}  // namespace persona
