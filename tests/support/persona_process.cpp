#include "support/persona_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace persona::testing {
namespace {

std::vector<std::string> MakeEnv(const std::map<std::string, std::string>& overrides) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string entry(*e);
    std::string key = entry.substr(0, entry.find('='));
    if (overrides.count(key) == 0) env.push_back(entry);
  }
  for (const auto& [key, value] : overrides) {
    if (!value.empty()) env.push_back(key + "=" + value);
  }
  return env;
}

pid_t SpawnArgv(std::vector<std::string> argv, const std::map<std::string, std::string>& env, int in_fd, int out_fd,
                int err_fd) {
  for (auto& a : argv) {
    if (a == "persona") a = PersonaBinary();
  }
  std::vector<char*> cargv;
  for (auto& a : argv) cargv.push_back(a.data());
  cargv.push_back(nullptr);
  auto envs = MakeEnv(env);
  std::vector<char*> cenv;
  for (auto& e : envs) cenv.push_back(e.data());
  cenv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_fd, STDIN_FILENO);
  posix_spawn_file_actions_adddup2(&actions, out_fd, STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_fd, STDERR_FILENO);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, cargv[0], &actions, nullptr, cargv.data(), cenv.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error(std::string("posix_spawn: ") + std::strerror(rc));
  return pid;
}

pid_t SpawnPersona(const std::vector<std::string>& args, const std::map<std::string, std::string>& env, int in_fd,
                   int out_fd, int err_fd) {
  std::vector<std::string> argv = {PersonaBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return SpawnArgv(argv, env, in_fd, out_fd, err_fd);
}

std::optional<int> TryReap(pid_t pid) {
  int status = 0;
  if (waitpid(pid, &status, WNOHANG) != pid) return std::nullopt;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::string PersonaBinary() { return PERSONA_BINARY; }

CommandResult RunPersona(const std::vector<std::string>& args, const std::string& input,
                         const std::map<std::string, std::string>& env, std::chrono::seconds timeout) {
  std::vector<std::string> argv = {"persona"};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv, input, env, timeout);
}

CommandResult RunCommand(const std::vector<std::string>& argv, const std::string& input,
                         const std::map<std::string, std::string>& env, std::chrono::seconds timeout) {
  int in_pipe[2], out_pipe[2], err_pipe[2];
  if (pipe2(in_pipe, O_CLOEXEC) != 0 || pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  pid_t pid = SpawnArgv(argv, env, in_pipe[0], out_pipe[1], err_pipe[1]);
  close(in_pipe[0]);
  close(out_pipe[1]);
  close(err_pipe[1]);
  // Small inputs only (passwords): fits in the pipe buffer, so no writer thread needed.
  if (!input.empty()) [[maybe_unused]]
    auto n = write(in_pipe[1], input.data(), input.size());
  close(in_pipe[1]);

  CommandResult result;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  int open_fds = 2;
  while (open_fds > 0) {
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(pid, SIGKILL);
      break;
    }
    if (poll(fds, 2, 100) <= 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      char buf[4096];
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      } else {
        (i == 0 ? result.out : result.err).append(buf, static_cast<std::size_t>(n));
      }
    }
  }
  for (auto& f : fds) {
    if (f.fd >= 0) close(f.fd);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

ServeProcess::ServeProcess(const std::filesystem::path& data_dir, const std::vector<std::string>& extra_args,
                           const std::map<std::string, std::string>& env) {
  std::vector<std::string> args = {"serve", "--data-dir", data_dir.string(), "--listen", "127.0.0.1:0"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  int out_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  // The log goes to a file: a pipe nobody drains could fill and stall the server.
  static int counter = 0;
  err_file_ = std::filesystem::temp_directory_path() /
              ("persona-serve-" + std::to_string(getpid()) + "-" + std::to_string(++counter) + ".log");
  int err_fd = open(err_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  int null_fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
  pid_ = SpawnPersona(args, env, null_fd, out_pipe[1], err_fd);
  close(out_pipe[1]);
  close(err_fd);
  close(null_fd);
  out_fd_ = out_pipe[0];
}

ServeProcess::~ServeProcess() {
  if (!exit_code_ && pid_ > 0) Stop(SIGKILL, std::chrono::seconds(10));
  if (out_fd_ >= 0) close(out_fd_);
  std::error_code ec;
  std::filesystem::remove(err_file_, ec);
}

std::string ServeProcess::err() const { return ReadFile(err_file_); }

void ServeProcess::Drain(std::chrono::milliseconds wait) {
  if (out_fd_ < 0) return;
  pollfd fd{out_fd_, POLLIN, 0};
  if (poll(&fd, 1, static_cast<int>(wait.count())) > 0) {
    char buf[4096];
    ssize_t n = read(out_fd_, buf, sizeof buf);
    if (n > 0) {
      out_.append(buf, static_cast<std::size_t>(n));
    } else {
      close(out_fd_);
      out_fd_ = -1;
    }
  }
}

std::optional<unsigned short> ServeProcess::WaitListening(std::chrono::seconds timeout) {
  static const std::regex kListening(R"(listening on http://[^\s]+:(\d+))");
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch m;
    if (std::regex_search(out_, m, kListening)) return static_cast<unsigned short>(std::stoi(m[1]));
    if (!exit_code_) exit_code_ = TryReap(pid_);
    if (exit_code_ && out_fd_ < 0) return std::nullopt;
    Drain(std::chrono::milliseconds(50));
  }
  return std::nullopt;
}

int ServeProcess::Stop(int signal, std::chrono::seconds timeout) {
  if (exit_code_) return *exit_code_;
  kill(pid_, signal);
  return Wait(timeout);
}

int ServeProcess::Wait(std::chrono::seconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!exit_code_) {
    exit_code_ = TryReap(pid_);
    if (exit_code_) break;
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(pid_, SIGKILL);
      int status = 0;
      waitpid(pid_, &status, 0);
      exit_code_ = -1;
      break;
    }
    Drain(std::chrono::milliseconds(20));
  }
  while (out_fd_ >= 0) Drain(std::chrono::milliseconds(10));
  return *exit_code_;
}

}  // namespace persona::testing
