#pragma once

#include <string_view>

namespace persona {

// The git commit this binary was built from ("1a2b3c4d5e6f", with "-dirty" when the work
// tree had uncommitted changes; "unknown" outside a git checkout). Defined in a file
// generated at every build (cmake/build_commit.cmake), so that only it is recompiled
// when the commit changes.
std::string_view BuildCommit();

}  // namespace persona
