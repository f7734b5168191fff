#include "support/temp_dir.h"

#include <sys/stat.h>
#include <unistd.h>

#include <stdexcept>
#include <string>

namespace persona::testing {

TempDir::TempDir() {
  std::string pattern = "/tmp/persona-test-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  chmod(pattern.c_str(), 0711);
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace persona::testing
