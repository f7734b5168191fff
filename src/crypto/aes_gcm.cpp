#include "crypto/aes_gcm.h"

#include <climits>
#include <memory>
#include <stdexcept>

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace persona::crypto {
namespace {

struct CipherCtxDeleter {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

const unsigned char* Bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

void CheckKeyAndIv(std::string_view key, std::string_view iv) {
  if (key.size() != kAesGcmKeyBytes) throw std::invalid_argument("AES-256-GCM needs a 32-byte key");
  // An empty IV makes GCM's authentication key recoverable; OpenSSL does not stop it.
  if (iv.empty()) throw std::invalid_argument("AES-GCM refuses an empty IV");
  if (iv.size() > INT_MAX) throw std::invalid_argument("AES-GCM IV too long");
}

bool ValidTagSize(std::size_t n) { return n >= kAesGcmMinTagBytes && n <= kAesGcmTagBytes; }

// Key, IV length and IV set in two steps, since the IV length must be known before the IV.
CipherCtx NewContext(std::string_view key, std::string_view iv, bool encrypt) {
  CipherCtx ctx(EVP_CIPHER_CTX_new());
  if (!ctx) throw std::runtime_error("EVP_CIPHER_CTX_new failed");
  if (EVP_CipherInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr, encrypt ? 1 : 0) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_IVLEN, static_cast<int>(iv.size()), nullptr) != 1 ||
      EVP_CipherInit_ex(ctx.get(), nullptr, nullptr, Bytes(key), Bytes(iv), -1) != 1) {
    throw std::runtime_error("AES-GCM initialisation failed");
  }
  return ctx;
}

// Feeds `input` in chunks that fit OpenSSL's int lengths; output may be null for AAD.
bool Update(EVP_CIPHER_CTX* ctx, unsigned char* out, std::string_view input) {
  constexpr std::size_t kChunk = 1 << 30;
  for (std::size_t offset = 0; offset < input.size(); offset += kChunk) {
    std::string_view part = input.substr(offset, kChunk);
    int written = 0;
    if (EVP_CipherUpdate(ctx, out ? out + offset : nullptr, &written, Bytes(part), static_cast<int>(part.size())) !=
        1) {
      return false;
    }
  }
  return true;
}

}  // namespace

AesGcmResult AesGcmEncrypt(std::string_view key, std::string_view iv, std::string_view plaintext, std::string_view aad,
                           std::size_t tag_bytes) {
  CheckKeyAndIv(key, iv);
  if (!ValidTagSize(tag_bytes)) throw std::invalid_argument("AES-GCM tag length must be 12 to 16 bytes");
  CipherCtx ctx = NewContext(key, iv, true);
  AesGcmResult result;
  result.ciphertext.resize(plaintext.size());
  auto* out = reinterpret_cast<unsigned char*>(result.ciphertext.data());
  int final_length = 0;
  result.tag.resize(tag_bytes);
  if (!Update(ctx.get(), nullptr, aad) || !Update(ctx.get(), out, plaintext) ||
      EVP_CipherFinal_ex(ctx.get(), out + plaintext.size(), &final_length) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG, static_cast<int>(tag_bytes), result.tag.data()) != 1) {
    throw std::runtime_error("AES-GCM encryption failed");
  }
  return result;
}

std::optional<std::string> AesGcmDecrypt(std::string_view key, std::string_view iv, std::string_view ciphertext,
                                         std::string_view aad, std::string_view tag) {
  CheckKeyAndIv(key, iv);
  if (!ValidTagSize(tag.size())) return std::nullopt;
  CipherCtx ctx = NewContext(key, iv, false);
  std::string plaintext(ciphertext.size(), '\0');
  auto* out = reinterpret_cast<unsigned char*>(plaintext.data());
  // OpenSSL's ctrl takes a non-const pointer but only reads the expected tag.
  std::string expected_tag(tag);
  int final_length = 0;
  bool ok = Update(ctx.get(), nullptr, aad) && Update(ctx.get(), out, ciphertext) &&
            EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG, static_cast<int>(expected_tag.size()),
                                expected_tag.data()) == 1 &&
            EVP_CipherFinal_ex(ctx.get(), out + ciphertext.size(), &final_length) == 1;
  if (!ok) {
    // Unauthenticated plaintext must not linger in freed memory either.
    OPENSSL_cleanse(plaintext.data(), plaintext.size());
    return std::nullopt;
  }
  return plaintext;
}

}  // namespace persona::crypto
