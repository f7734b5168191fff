#pragma once

#include <array>
#include <string_view>

namespace persona::storage {

// Every column holding FieldCipher values, keyed by the row's `id` (the associated data
// binds each value to table, column and id). `keys status` and `keys rewrap` walk them;
// a new encrypted column must be added here.
struct EncryptedColumn {
  std::string_view table;
  std::string_view column;
  // Raw bytes rather than text: an export gives them in base32 (TOTP secrets, as
  // authenticator apps take them).
  bool bytes = false;
};

inline constexpr std::array<EncryptedColumn, 5> kEncryptedColumns{{
    {"users", "two_factor_secret", true},
    {"users", "totp_pending_secret", true},
    {"platform_accounts", "credentials_encrypted"},
    {"platform_accounts", "auth_tokens_encrypted"},
    {"proxy_assignments", "proxy_password_encrypted"},
}};

}  // namespace persona::storage
