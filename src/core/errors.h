#pragma once

#include <stdexcept>
#include <string>

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

// A conflict with existing state the user must resolve (duplicate email, data directory
// in use by another server).
class ConflictError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The object asked for does not exist (or belongs to someone else).
class NotFoundError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the command could not do its work
inline constexpr int kExitUsage = 2;    // the command was given bad input

}  // namespace persona
