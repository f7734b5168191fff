#include "domain/email.h"

#include <gtest/gtest.h>

#include "core/errors.h"

namespace persona::domain {
namespace {

TEST(NormalizeEmail, LowercasesAndTrims) {
  EXPECT_EQ(NormalizeEmail("  Ana.Cruz@Example.COM \n"), "ana.cruz@example.com");
}

TEST(NormalizeEmail, AcceptsPlusAndSubdomains) {
  EXPECT_EQ(NormalizeEmail("ops+persona@mail.example.ph"), "ops+persona@mail.example.ph");
}

struct BadEmail {
  const char* input;
  const char* reason;
};

class NormalizeEmailRejects : public ::testing::TestWithParam<BadEmail> {};

TEST_P(NormalizeEmailRejects, WithAMessageNamingTheProblem) {
  try {
    NormalizeEmail(GetParam().input);
    FAIL() << "accepted " << GetParam().input;
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find(GetParam().reason), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NormalizeEmailRejects,
    ::testing::Values(BadEmail{"", "empty"}, BadEmail{"   ", "empty"}, BadEmail{"no-at-sign", "exactly one '@'"},
                      BadEmail{"a@b@example.com", "exactly one '@'"}, BadEmail{"@example.com", "nothing before"},
                      BadEmail{"ana@localhost", "example.com"}, BadEmail{"ana@.example.com", "example.com"},
                      BadEmail{"ana@example..com", "example.com"}, BadEmail{"ana cruz@example.com", "space"},
                      BadEmail{"ana@exa\tmple.com", "control"}, BadEmail{"ana@exam_ple.com", "invalid character"}));

TEST(NormalizeEmail, RejectsOverlongAddresses) {
  std::string local(250, 'a');
  EXPECT_THROW(NormalizeEmail(local + "@example.com"), UsageError);
}

TEST(LoginEmail, IsTheNormalizedAddressWhenThereIsOne) {
  EXPECT_EQ(LoginEmail(" Ana@Example.com"), "ana@example.com");
  EXPECT_EQ(LoginEmail("not an email"), "not an email");
}

// Seen in review, then reproduced by fuzz_api_body's fake stores
// (fuzz/corpus/api_body/crash-login-email-cut): an invalid email was cut to 255 bytes wherever that fell, inside a
// character too, and PostgreSQL refuses the invalid UTF-8 that leaves (the login lock and login_attempts take it as
// text): POST /auth/login answered 500 instead of 401.
TEST(LoginEmail, CutsAnInvalidOneAtACharacterBoundary) {
  std::string typed;
  for (int i = 0; i < 200; ++i) typed += "\xc3\xa9";  // é, 2 bytes: byte 255 is inside one
  auto email = LoginEmail(typed);
  EXPECT_EQ(email.size(), 254u);
  EXPECT_EQ(email, typed.substr(0, 254));
  EXPECT_EQ(LoginEmail(std::string(300, 'a')), std::string(255, 'a'));
  std::string emoji = std::string(253, 'a') + "\xf0\x9f\x98\x80";  // 4 bytes across the cut
  EXPECT_EQ(LoginEmail(emoji), std::string(253, 'a'));
}

}  // namespace
}  // namespace persona::domain
