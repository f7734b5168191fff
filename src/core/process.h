#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace persona {

// A system account a child process runs as (PostgreSQL refuses to run as root).
struct SystemUser {
  std::string name;
  uid_t uid = 0;
  gid_t gid = 0;
  std::string home;
};

std::optional<SystemUser> LookupSystemUser(const std::string& name);

struct SpawnOptions {
  std::optional<SystemUser> run_as;  // switch to this user in the child before exec
  int stdout_fd = -1;                // -1: /dev/null
  int stderr_fd = -1;                // -1: /dev/null
  // The child gets this signal when the spawning thread dies (even by kill -9), so a
  // child server never outlives its owner.
  int parent_death_signal = 0;
  // Own process group, so a Ctrl-C meant for persona does not also hit the child: persona
  // decides when its child stops.
  bool new_process_group = false;
  std::vector<std::string> env;  // the child's whole environment (KEY=VALUE)
};

// Starts argv[0] (an absolute path) with argv; throws std::runtime_error on failure.
pid_t Spawn(const std::vector<std::string>& argv, const SpawnOptions& options);

// Waits for a child; returns its exit code, or 128+signal if a signal ended it.
int WaitForExit(pid_t pid);

// Waits up to `timeout` for a child to exit; nullopt if it is still running.
std::optional<int> WaitForExitFor(pid_t pid, std::chrono::milliseconds timeout);

// True if a process with this pid exists (whoever owns it).
bool ProcessExists(pid_t pid);

// Raises this process's soft limit of open files to its hard limit (each connection is
// a descriptor); returns the soft limit in force afterwards.
std::uint64_t RaiseOpenFileLimit();

// The process's command name from /proc/PID/comm, empty if unknown.
std::string ProcessName(pid_t pid);

}  // namespace persona
