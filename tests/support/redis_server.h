#pragma once

#include <sys/types.h>

#include <string>

#include "support/temp_dir.h"

namespace persona::testing {

// A real redis-server of the test's own, on a Unix socket in a scratch directory,
// without persistence. It can be stopped, frozen and started again mid-test.
class RedisServer {
 public:
  RedisServer();
  ~RedisServer();
  RedisServer(const RedisServer&) = delete;
  RedisServer& operator=(const RedisServer&) = delete;

  std::string Url() const { return "unix://" + socket_.string(); }
  const std::filesystem::path& socket() const { return socket_; }

  void Start();   // returns once it answers PING
  void Stop();    // SIGKILL, as if it crashed
  void Freeze();  // SIGSTOP: connected clients time out
  void Thaw();    // SIGCONT
  // Runs one redis-cli command against it and returns its output.
  std::string Cli(const std::string& args) const;

 private:
  TempDir dir_;
  std::filesystem::path socket_;
  pid_t pid_ = -1;
};

}  // namespace persona::testing
