#include "crypto/totp.h"

#include <stdexcept>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include "crypto/encoding.h"

namespace persona::crypto {
namespace {

constexpr std::size_t kSecretBytes = 20;
constexpr int kMinDigits = 6;
constexpr int kMaxDigits = 10;
constexpr int kMaxWindow = 10;

const EVP_MD* Digest(TotpAlgorithm algorithm) {
  switch (algorithm) {
    case TotpAlgorithm::kSha1:
      return EVP_sha1();
    case TotpAlgorithm::kSha256:
      return EVP_sha256();
    case TotpAlgorithm::kSha512:
      return EVP_sha512();
  }
  throw std::invalid_argument("unknown TOTP algorithm");
}

void CheckDigits(int digits) {
  if (digits < kMinDigits || digits > kMaxDigits) throw std::invalid_argument("TOTP digits must be 6 to 10");
}

std::int64_t StepAt(std::int64_t unix_time, int period) {
  if (period <= 0) throw std::invalid_argument("TOTP period must be positive");
  if (unix_time < 0) throw std::invalid_argument("TOTP time must not be before 1970");
  return unix_time / period;
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    auto b = static_cast<unsigned char>(c);
    bool unreserved = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b == '-' ||
                      b == '.' || b == '_' || b == '~';
    if (unreserved) {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0xf]);
    }
  }
  return out;
}

}  // namespace

std::optional<TotpAlgorithm> ParseTotpAlgorithm(std::string_view name) {
  if (name == "SHA1") return TotpAlgorithm::kSha1;
  if (name == "SHA256") return TotpAlgorithm::kSha256;
  if (name == "SHA512") return TotpAlgorithm::kSha512;
  return std::nullopt;
}

std::string_view TotpAlgorithmName(TotpAlgorithm algorithm) {
  switch (algorithm) {
    case TotpAlgorithm::kSha1:
      return "SHA1";
    case TotpAlgorithm::kSha256:
      return "SHA256";
    case TotpAlgorithm::kSha512:
      return "SHA512";
  }
  throw std::invalid_argument("unknown TOTP algorithm");
}

std::string HmacDigest(TotpAlgorithm algorithm, std::string_view key, std::string_view message) {
  // OpenSSL wants non-null pointers even for empty inputs.
  static constexpr unsigned char kEmpty[1] = {0};
  const auto* key_bytes = key.empty() ? kEmpty : reinterpret_cast<const unsigned char*>(key.data());
  const auto* message_bytes = message.empty() ? kEmpty : reinterpret_cast<const unsigned char*>(message.data());
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int out_length = 0;
  if (HMAC(Digest(algorithm), key_bytes, static_cast<int>(key.size()), message_bytes, message.size(), out,
           &out_length) == nullptr) {
    throw std::runtime_error("HMAC failed");
  }
  return std::string(reinterpret_cast<const char*>(out), out_length);
}

std::string Hotp(std::string_view key, std::uint64_t counter, int digits, TotpAlgorithm algorithm) {
  CheckDigits(digits);
  char message[8];
  for (int i = 7; i >= 0; --i, counter >>= 8) message[i] = static_cast<char>(counter & 0xff);
  std::string mac = HmacDigest(algorithm, key, std::string_view(message, sizeof message));
  // RFC 4226 section 5.3 dynamic truncation.
  std::size_t offset = static_cast<unsigned char>(mac.back()) & 0x0f;
  std::uint32_t binary = (static_cast<unsigned char>(mac[offset]) & 0x7fu) << 24 |
                         static_cast<unsigned char>(mac[offset + 1]) << 16 |
                         static_cast<unsigned char>(mac[offset + 2]) << 8 | static_cast<unsigned char>(mac[offset + 3]);
  std::uint64_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  std::string code = std::to_string(binary % modulus);
  return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

std::string TotpAt(std::string_view key, std::int64_t unix_time, int digits, TotpAlgorithm algorithm, int period) {
  return Hotp(key, static_cast<std::uint64_t>(StepAt(unix_time, period)), digits, algorithm);
}

std::optional<std::int64_t> VerifyTotp(std::string_view key, std::string_view code, std::int64_t unix_time,
                                       std::int64_t last_used_step, int window, int digits, TotpAlgorithm algorithm,
                                       int period) {
  CheckDigits(digits);
  if (window < 0 || window > kMaxWindow) throw std::invalid_argument("TOTP window must be 0 to 10");
  std::int64_t now = StepAt(unix_time, period);
  if (code.size() != static_cast<std::size_t>(digits)) return std::nullopt;
  for (char c : code) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  // Oldest step first: if a code matched two steps, the lower one leaves the higher usable.
  for (std::int64_t step = now - window; step <= now + window; ++step) {
    if (step < 0 || step <= last_used_step) continue;
    std::string expected = Hotp(key, static_cast<std::uint64_t>(step), digits, algorithm);
    if (CRYPTO_memcmp(expected.data(), code.data(), expected.size()) == 0) return step;
  }
  return std::nullopt;
}

std::string NewTotpSecret() {
  std::string secret(kSecretBytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(secret.data()), static_cast<int>(secret.size())) != 1) {
    throw std::runtime_error("the system random generator failed");
  }
  return secret;
}

std::string OtpauthUri(std::string_view issuer, std::string_view account, std::string_view secret_raw) {
  std::string uri = "otpauth://totp/";
  if (!issuer.empty()) uri += PercentEncode(issuer) + ":";
  uri += PercentEncode(account);
  uri += "?secret=" + Base32Encode(secret_raw);
  if (!issuer.empty()) uri += "&issuer=" + PercentEncode(issuer);
  uri += "&algorithm=SHA1&digits=6&period=30";
  return uri;
}

}  // namespace persona::crypto
