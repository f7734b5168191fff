#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

namespace persona {

// A file that appears whole or not at all: written as NAME.partial (mode 0600 — exports
// and backups hold personal data) and renamed to NAME by Commit(); destroyed before
// that, it removes the partial file.
class AtomicFile {
 public:
  // UsageError when the partial file cannot be created (a bad path is the user's input).
  explicit AtomicFile(std::filesystem::path path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void Write(std::string_view data);
  // Flushes to disk, closes and renames into place.
  void Commit();
  // Where the content goes until Commit(), for a child process that writes it (pg_dump).
  const std::filesystem::path& partial_path() const { return partial_; }
  std::size_t bytes() const { return bytes_; }

 private:
  std::filesystem::path path_;
  std::filesystem::path partial_;
  int fd_ = -1;
  std::size_t bytes_ = 0;
  bool committed_ = false;
};

}  // namespace persona
