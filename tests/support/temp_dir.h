#pragma once

#include <filesystem>

namespace persona::testing {

// A fresh directory under /tmp, removed with everything in it when the object dies.
// Mode 0711 so that, under root, the postgres user can reach a cluster inside it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

}  // namespace persona::testing
