// Micro-benchmarks of the crypto a request may pay for: reading or writing one encrypted
// credential, one password hash at the production Argon2id parameters, one TOTP check.
#include <string>

#include <benchmark/benchmark.h>

#include "crypto/field_cipher.h"
#include "crypto/password_hasher.h"
#include "crypto/totp.h"

namespace persona::crypto {
namespace {

// A fixed key is fine here: the benchmark measures cost, not secrecy.
Keyring BenchKeyring() { return Keyring({MasterKey{"k1-bench000", std::string(32, 'k')}}); }

void BM_FieldCipherEncryptDecrypt200B(benchmark::State& state) {
  Keyring keyring = BenchKeyring();
  FieldCipher cipher(keyring);
  const std::string credential(200, 'c');
  for (auto _ : state) {
    std::string stored = cipher.Encrypt(credential, "platform_accounts", "credentials", "1234567");
    auto plain = cipher.Decrypt(stored, "platform_accounts", "credentials", "1234567");
    if (!plain || plain->size() != credential.size()) state.SkipWithError("round trip failed");
    benchmark::DoNotOptimize(plain);
  }
}
BENCHMARK(BM_FieldCipherEncryptDecrypt200B);

void BM_FieldCipherEncrypt200B(benchmark::State& state) {
  Keyring keyring = BenchKeyring();
  FieldCipher cipher(keyring);
  const std::string credential(200, 'c');
  for (auto _ : state) benchmark::DoNotOptimize(cipher.Encrypt(credential, "platform_accounts", "credentials", "1"));
}
BENCHMARK(BM_FieldCipherEncrypt200B);

void BM_FieldCipherDecrypt200B(benchmark::State& state) {
  Keyring keyring = BenchKeyring();
  FieldCipher cipher(keyring);
  const std::string stored = cipher.Encrypt(std::string(200, 'c'), "platform_accounts", "credentials", "1");
  for (auto _ : state) benchmark::DoNotOptimize(cipher.Decrypt(stored, "platform_accounts", "credentials", "1"));
}
BENCHMARK(BM_FieldCipherDecrypt200B);

void BM_Argon2idHashDefaultParams(benchmark::State& state) {
  PasswordHasher hasher;  // production parameters
  for (auto _ : state) benchmark::DoNotOptimize(hasher.Hash("correct horse battery staple"));
}
BENCHMARK(BM_Argon2idHashDefaultParams)->Unit(benchmark::kMillisecond);

void BM_Argon2idVerifyDefaultParams(benchmark::State& state) {
  PasswordHasher hasher;
  const std::string hash = hasher.Hash("correct horse battery staple");
  for (auto _ : state) benchmark::DoNotOptimize(hasher.Verify("correct horse battery staple", hash));
}
BENCHMARK(BM_Argon2idVerifyDefaultParams)->Unit(benchmark::kMillisecond);

// Worst case for a valid code: it matches the last step of the ±1 window, after two misses.
void BM_TotpVerify(benchmark::State& state) {
  const std::string secret = "12345678901234567890";
  const std::int64_t now = 1'700'000'015;
  const std::string code = TotpAt(secret, now + 30);
  for (auto _ : state) {
    auto step = VerifyTotp(secret, code, now, -1);
    if (!step) state.SkipWithError("code rejected");
    benchmark::DoNotOptimize(step);
  }
}
BENCHMARK(BM_TotpVerify);

}  // namespace
}  // namespace persona::crypto

BENCHMARK_MAIN();
