#pragma once

#include <iosfwd>

namespace persona::cli {

// Parses the command line, runs the subcommand and returns the exit code: 0 done,
// 1 the command failed (database unreachable, conflict), 2 bad input (flags, email,
// password). Errors go to `err` as one "persona: error: ..." line.
int Run(int argc, char** argv, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace persona::cli
