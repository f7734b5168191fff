#include "domain/email.h"

#include <algorithm>
#include <cctype>

#include "core/errors.h"

namespace persona::domain {

std::string NormalizeEmail(std::string_view input) {
  auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!input.empty() && is_space(input.front())) input.remove_prefix(1);
  while (!input.empty() && is_space(input.back())) input.remove_suffix(1);
  std::string email(input);
  std::transform(email.begin(), email.end(), email.begin(), [](unsigned char c) { return std::tolower(c); });
  auto bad = [&](const std::string& why) { return UsageError("invalid email address: " + why); };
  if (email.empty()) throw bad("it is empty");
  if (email.size() > 255) throw bad("longer than 255 characters");
  for (unsigned char c : email) {
    if (c <= 0x20 || c == 0x7f) throw bad("it contains a space or a control character");
  }
  auto at = email.find('@');
  if (at == std::string::npos || email.find('@', at + 1) != std::string::npos) throw bad("it needs exactly one '@'");
  std::string local = email.substr(0, at);
  std::string domain = email.substr(at + 1);
  if (local.empty()) throw bad("nothing before the '@'");
  if (domain.find('.') == std::string::npos || domain.front() == '.' || domain.back() == '.' ||
      domain.find("..") != std::string::npos) {
    throw bad("the domain after the '@' must look like example.com");
  }
  for (unsigned char c : domain) {
    if (!(std::isalnum(c) || c == '.' || c == '-' || c >= 0x80)) throw bad("the domain has an invalid character");
  }
  return email;
}

std::string LoginEmail(std::string_view typed) {
  try {
    return NormalizeEmail(typed);
  } catch (const UsageError&) {
    std::size_t cut = std::min<std::size_t>(typed.size(), 255);
    while (cut > 0 && cut < typed.size() && (static_cast<unsigned char>(typed[cut]) & 0xc0) == 0x80) --cut;
    return std::string(typed.substr(0, cut));
  }
}

}  // namespace persona::domain
