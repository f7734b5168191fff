#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// HOTP (RFC 4226) and TOTP (RFC 6238). Time is always a parameter: nothing here reads a
// clock, so callers inject theirs and tests pin any instant.
namespace persona::crypto {

enum class TotpAlgorithm { kSha1, kSha256, kSha512 };

// "SHA1", "SHA256" or "SHA512" (the spellings of otpauth URIs and the test vectors).
std::optional<TotpAlgorithm> ParseTotpAlgorithm(std::string_view name);
std::string_view TotpAlgorithmName(TotpAlgorithm algorithm);

// Raw HMAC of `message` under `key`.
std::string HmacDigest(TotpAlgorithm algorithm, std::string_view key, std::string_view message);

// The HOTP value for `counter`, zero-padded to `digits` (6 to 10; std::invalid_argument
// otherwise). `key` is the raw shared secret, not its Base32 form.
std::string Hotp(std::string_view key, std::uint64_t counter, int digits, TotpAlgorithm algorithm);

// The TOTP value at `unix_time` (seconds, T0 = 0). Throws std::invalid_argument for a
// negative time, a period that is not positive, or bad digits.
std::string TotpAt(std::string_view key, std::int64_t unix_time, int digits = 6,
                   TotpAlgorithm algorithm = TotpAlgorithm::kSha1, int period = 30);

// Checks a code typed by the user against the steps now-window .. now+window (clock drift
// either way) and returns the step it matched. Only steps greater than `last_used_step`
// count, so each code is accepted once: the caller stores the returned step (atomically
// with accepting the login) and passes it back next time; pass -1 before first use.
// Returns nullopt for a wrong, reused or older code, and for a code that is not exactly
// `digits` ASCII digits. Comparison is constant-time. `window` must be 0 to 10.
std::optional<std::int64_t> VerifyTotp(std::string_view key, std::string_view code, std::int64_t unix_time,
                                       std::int64_t last_used_step, int window = 1, int digits = 6,
                                       TotpAlgorithm algorithm = TotpAlgorithm::kSha1, int period = 30);

// 20 random bytes: the 160 bits RFC 4226 recommends for HMAC-SHA1.
std::string NewTotpSecret();

// otpauth://totp/Issuer:account?secret=BASE32&issuer=Issuer&algorithm=SHA1&digits=6&period=30
// for enrolment in authenticator apps. Issuer and account are percent-encoded (RFC 3986
// unreserved characters are kept), so a ':' or '&' in them cannot change the URI's shape.
// With an empty issuer the label is the account alone and the issuer parameter is left out.
std::string OtpauthUri(std::string_view issuer, std::string_view account, std::string_view secret_raw);

}  // namespace persona::crypto
