#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace persona::testing {

// The persona binary under test (the build's own, sanitizers included).
std::string PersonaBinary();

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `persona args...` to completion with `input` on standard input and `env` added
// to (or, with an empty value, removed from) the environment. Kills it after `timeout`.
CommandResult RunPersona(const std::vector<std::string>& args, const std::string& input = "",
                         const std::map<std::string, std::string>& env = {},
                         std::chrono::seconds timeout = std::chrono::seconds(120));

// Runs an arbitrary command (argv[0] an absolute path, or the persona binary when
// argv[0] is "persona") the same way.
CommandResult RunCommand(const std::vector<std::string>& argv, const std::string& input = "",
                         const std::map<std::string, std::string>& env = {},
                         std::chrono::seconds timeout = std::chrono::seconds(120));

// `persona serve` in the background, for tests of the whole process.
class ServeProcess {
 public:
  // Starts `persona serve --data-dir DIR --listen 127.0.0.1:0 extra...`.
  ServeProcess(const std::filesystem::path& data_dir, const std::vector<std::string>& extra_args = {},
               const std::map<std::string, std::string>& env = {});
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  // Reads standard output until "listening on http://HOST:PORT"; returns the port, or
  // nullopt if the process exited (or `timeout` passed) first.
  std::optional<unsigned short> WaitListening(std::chrono::seconds timeout = std::chrono::seconds(60));
  // Sends `signal` and waits for the exit code (128+signal if it died of it).
  int Stop(int signal, std::chrono::seconds timeout = std::chrono::seconds(60));
  // Waits for the process to exit by itself.
  int Wait(std::chrono::seconds timeout = std::chrono::seconds(60));

  pid_t pid() const { return pid_; }
  const std::string& out() const { return out_; }
  // Everything written to standard error so far (the structured log).
  std::string err() const;

 private:
  void Drain(std::chrono::milliseconds wait);
  pid_t pid_ = -1;
  int out_fd_ = -1;
  std::filesystem::path err_file_;
  std::string out_;
  std::optional<int> exit_code_;
};

}  // namespace persona::testing
