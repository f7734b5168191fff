#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace persona {

// The user asked for something malformed (bad flag, bad email, empty password).
// The CLI prints the message and exits with kExitUsage; nothing has been changed.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The database cannot be reached or stopped answering. HTTP maps it to 503.
class DatabaseUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The database did not answer within the time allowed (a free connection, a connect or
// a statement past its deadline). HTTP maps it to 503 like any unavailability.
class DatabaseTimeout : public DatabaseUnavailable {
 public:
  using DatabaseUnavailable::DatabaseUnavailable;
};

// A conflict with existing state the user must resolve (duplicate email, data directory
// in use by another server, a limit reached). `details` become extra members of the HTTP
// problem ({"code": "daily_limit_reached", "frees_at": "…"}), so clients need not parse
// the message.
class ConflictError : public std::runtime_error {
 public:
  using Details = std::vector<std::pair<std::string, std::string>>;
  explicit ConflictError(const std::string& message, Details details = {})
      : std::runtime_error(message), details_(std::move(details)) {}
  const Details& details() const { return details_; }

 private:
  Details details_;
};

// The object asked for does not exist (or belongs to someone else).
class NotFoundError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One field of a request is invalid (HTTP 422). `field` is a JSON path
// ("demographics.age"); several can be reported at once.
class ValidationError : public std::runtime_error {
 public:
  struct Field {
    std::string field;
    std::string message;
  };
  explicit ValidationError(std::vector<Field> fields)
      : std::runtime_error(fields.empty() ? "invalid input" : fields.front().field + ": " + fields.front().message),
        fields_(std::move(fields)) {}
  ValidationError(std::string field, std::string message) : ValidationError(std::vector<Field>{{field, message}}) {}
  const std::vector<Field>& fields() const { return fields_; }

 private:
  std::vector<Field> fields_;
};

// A password asked for again (reveal, 2FA disable, password change, erase) was wrong
// (HTTP 403 with code "reauth_failed").
class ReauthFailed : public std::runtime_error {
 public:
  ReauthFailed() : std::runtime_error("the password (or code) given to confirm this action is wrong") {}
};

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the command could not do its work
inline constexpr int kExitUsage = 2;    // the command was given bad input

}  // namespace persona
