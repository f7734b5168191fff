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

}  // namespace
}  // namespace persona::domain
