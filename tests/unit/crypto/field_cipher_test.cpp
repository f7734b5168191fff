#include "crypto/field_cipher.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "crypto/encoding.h"

namespace persona::crypto {
namespace {

MasterKey Key(std::string kid, char fill) { return MasterKey{std::move(kid), std::string(32, fill)}; }

// Replaces one member of a stored value, as someone editing the database would.
std::string WithMember(const std::string& stored, const std::string& name, const nlohmann::json& value) {
  nlohmann::ordered_json json = nlohmann::ordered_json::parse(stored);
  json[name] = value;
  return json.dump();
}

// Flips one bit inside a base64 member's decoded bytes.
std::string Tampered(const std::string& stored, const std::string& name) {
  nlohmann::json json = nlohmann::json::parse(stored);
  std::string bytes = *Base64Decode(json[name].get<std::string>());
  bytes[0] = static_cast<char>(bytes[0] ^ 1);
  return WithMember(stored, name, Base64Encode(bytes));
}

class FieldCipherTest : public ::testing::Test {
 protected:
  const std::string secret_ = "hunter2-platform-password";
  Keyring keyring_{{Key("k1-aaaaaaaa", 'a')}};
  FieldCipher cipher_{keyring_};
  std::string stored_ = cipher_.Encrypt(secret_, "platform_accounts", "credentials", "42");
};

TEST_F(FieldCipherTest, RoundTrips) {
  EXPECT_EQ(cipher_.Decrypt(stored_, "platform_accounts", "credentials", "42"), secret_);
  std::string empty = cipher_.Encrypt("", "t", "c", "1");
  EXPECT_EQ(cipher_.Decrypt(empty, "t", "c", "1"), "");
  std::string binary("\0\xff\n\"}", 5);
  EXPECT_EQ(cipher_.Decrypt(cipher_.Encrypt(binary, "t", "c", "1"), "t", "c", "1"), binary);
}

TEST_F(FieldCipherTest, EncryptingTwiceGivesDifferentValues) {
  std::string again = cipher_.Encrypt(secret_, "platform_accounts", "credentials", "42");
  EXPECT_NE(again, stored_);
  EXPECT_NE(nlohmann::json::parse(again)["iv"], nlohmann::json::parse(stored_)["iv"]);
}

TEST_F(FieldCipherTest, FailsWhenMovedToAnotherRowColumnOrTable) {
  EXPECT_FALSE(cipher_.Decrypt(stored_, "platform_accounts", "credentials", "43").has_value());
  EXPECT_FALSE(cipher_.Decrypt(stored_, "platform_accounts", "oauth_token", "42").has_value());
  EXPECT_FALSE(cipher_.Decrypt(stored_, "proxy_assignments", "credentials", "42").has_value());
  // Shifting text between the parts must not give the same associated data.
  EXPECT_FALSE(cipher_.Decrypt(stored_, "platform_accountscredentials", "", "42").has_value());
  EXPECT_FALSE(cipher_.Decrypt(stored_, "platform_accounts", "credentials4", "2").has_value());
}

TEST_F(FieldCipherTest, FailsWhenRelabelledWithAnotherKid) {
  Keyring two({Key("k1-aaaaaaaa", 'a'), Key("k2-bbbbbbbb", 'a')});  // same bytes, other label
  FieldCipher cipher(two);
  ASSERT_EQ(cipher.Decrypt(stored_, "platform_accounts", "credentials", "42"), secret_);
  std::string relabelled = WithMember(stored_, "kid", "k2-bbbbbbbb");
  EXPECT_FALSE(cipher.Decrypt(relabelled, "platform_accounts", "credentials", "42").has_value());
}

TEST_F(FieldCipherTest, FailsWhenDataTagOrIvIsTampered) {
  for (const char* member : {"data", "tag", "iv"}) {
    SCOPED_TRACE(member);
    EXPECT_FALSE(cipher_.Decrypt(Tampered(stored_, member), "platform_accounts", "credentials", "42").has_value());
  }
}

TEST_F(FieldCipherTest, FailsOnTruncatedTagOrIv) {
  nlohmann::json json = nlohmann::json::parse(stored_);
  std::string tag = *Base64Decode(json["tag"].get<std::string>());
  std::string iv = *Base64Decode(json["iv"].get<std::string>());
  EXPECT_FALSE(cipher_
                   .Decrypt(WithMember(stored_, "tag", Base64Encode(tag.substr(0, 12))), "platform_accounts",
                            "credentials", "42")
                   .has_value());
  EXPECT_FALSE(
      cipher_
          .Decrypt(WithMember(stored_, "iv", Base64Encode(iv.substr(0, 8))), "platform_accounts", "credentials", "42")
          .has_value());
}

TEST_F(FieldCipherTest, FailsOnUnknownKid) {
  Keyring other({Key("k9-cccccccc", 'a')});
  EXPECT_FALSE(FieldCipher(other).Decrypt(stored_, "platform_accounts", "credentials", "42").has_value());
}

TEST_F(FieldCipherTest, FailsOnMalformedValues) {
  for (const std::string& bad :
       {std::string(""), std::string("not json"), std::string("[]"), std::string("{}"), std::string("null"),
        stored_.substr(0, stored_.size() - 1), WithMember(stored_, "algorithm", "AES-128-GCM"),
        WithMember(stored_, "data", "!!!!"), WithMember(stored_, "iv", 12), WithMember(stored_, "extra", "x")}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(cipher_.Decrypt(bad, "platform_accounts", "credentials", "42").has_value());
  }
}

TEST_F(FieldCipherTest, NewWritesUseTheRotatedKeyAndOldValuesStillDecrypt) {
  Keyring rotated({Key("k1-aaaaaaaa", 'a'), Key("k2-bbbbbbbb", 'b')});
  FieldCipher cipher(rotated);
  std::string fresh = cipher.Encrypt(secret_, "platform_accounts", "credentials", "42");
  EXPECT_EQ(cipher.CurrentKid(), "k2-bbbbbbbb");
  EXPECT_EQ(FieldCipher::KidOf(fresh), "k2-bbbbbbbb");
  EXPECT_EQ(FieldCipher::KidOf(stored_), "k1-aaaaaaaa");
  EXPECT_EQ(cipher.Decrypt(fresh, "platform_accounts", "credentials", "42"), secret_);
  EXPECT_EQ(cipher.Decrypt(stored_, "platform_accounts", "credentials", "42"), secret_);
  // The old keyring has never seen k2.
  EXPECT_FALSE(cipher_.Decrypt(fresh, "platform_accounts", "credentials", "42").has_value());
}

// A provider whose current key changes while the cipher lives, as a key file does
// when `persona keys rotate` runs next to the server.
class SwitchableKeys : public KeyProvider {
 public:
  explicit SwitchableKeys(Keyring keyring) : keyring_(std::move(keyring)) {}
  void Replace(Keyring keyring) { keyring_ = std::move(keyring); }
  MasterKey CurrentKey() const override { return keyring_.CurrentKey(); }
  std::optional<MasterKey> FindKey(std::string_view kid) const override { return keyring_.FindKey(kid); }
  std::vector<std::string> Kids() const override { return keyring_.Kids(); }

 private:
  Keyring keyring_;
};

TEST(FieldCipherProvider, FollowsAProviderWhoseCurrentKeyChanges) {
  SwitchableKeys keys(Keyring({Key("k1-aaaaaaaa", 'a')}));
  FieldCipher cipher(keys);
  std::string before = cipher.Encrypt("s", "t", "c", "1");
  keys.Replace(Keyring({Key("k1-aaaaaaaa", 'a'), Key("k2-bbbbbbbb", 'b')}));
  EXPECT_EQ(cipher.CurrentKid(), "k2-bbbbbbbb");
  std::string after = cipher.Encrypt("s", "t", "c", "1");
  EXPECT_EQ(FieldCipher::KidOf(after), "k2-bbbbbbbb");
  EXPECT_EQ(cipher.Decrypt(before, "t", "c", "1"), "s");
  EXPECT_EQ(cipher.Decrypt(after, "t", "c", "1"), "s");
}

TEST_F(FieldCipherTest, StoresTheSeedsEncryptedFieldWithAKid) {
  nlohmann::json json = nlohmann::json::parse(stored_);
  ASSERT_TRUE(json.is_object());
  EXPECT_EQ(json.size(), 5u);
  EXPECT_EQ(json["algorithm"], "AES-256-GCM");
  EXPECT_EQ(json["kid"], "k1-aaaaaaaa");
  EXPECT_EQ(Base64Decode(json["iv"].get<std::string>())->size(), 12u);
  EXPECT_EQ(Base64Decode(json["tag"].get<std::string>())->size(), 16u);
  EXPECT_EQ(Base64Decode(json["data"].get<std::string>())->size(), secret_.size());
  EXPECT_EQ(stored_.find('\n'), std::string::npos);  // compact, one line
  EXPECT_EQ(stored_.rfind("{\"algorithm\":\"AES-256-GCM\",\"iv\":", 0), 0u) << stored_;
}

TEST_F(FieldCipherTest, PlaintextNeverAppearsInTheStoredValue) {
  EXPECT_EQ(stored_.find(secret_), std::string::npos);
  EXPECT_EQ(stored_.find(Base64Encode(secret_)), std::string::npos);
  EXPECT_EQ(stored_.find("hunter2"), std::string::npos);
}

TEST(FieldCipherKidOf, IsNulloptWithoutAKid) {
  EXPECT_FALSE(FieldCipher::KidOf("garbage").has_value());
  EXPECT_FALSE(FieldCipher::KidOf("{\"kid\":3}").has_value());
  EXPECT_EQ(FieldCipher::KidOf("{\"kid\":\"k1\"}"), "k1");
}

}  // namespace
}  // namespace persona::crypto
