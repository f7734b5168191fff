#include "support/redis_server.h"

#include <signal.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <thread>

#include "core/process.h"

namespace persona::testing {

RedisServer::RedisServer() : socket_(dir_ / "redis.sock") { Start(); }

RedisServer::~RedisServer() { Stop(); }

void RedisServer::Start() {
  pid_ = Spawn({"/usr/bin/redis-server", "--port", "0", "--unixsocket", socket_.string(), "--unixsocketperm", "700",
                "--save", "", "--appendonly", "no", "--dir", dir_.path().string()},
               {.parent_death_signal = SIGKILL});
  for (int i = 0; i < 200; ++i) {
    if (Cli("PING").rfind("PONG", 0) == 0) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  throw std::runtime_error("redis-server did not start");
}

void RedisServer::Stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGCONT);
  kill(pid_, SIGKILL);
  WaitForExit(pid_);
  pid_ = -1;
  std::filesystem::remove(socket_);
}

void RedisServer::Freeze() { kill(pid_, SIGSTOP); }

void RedisServer::Thaw() { kill(pid_, SIGCONT); }

std::string RedisServer::Cli(const std::string& args) const {
  std::string command = "redis-cli -s " + socket_.string() + " " + args + " 2>&1";
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buffer;
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) out += buffer.data();
  pclose(pipe);
  return out;
}

}  // namespace persona::testing
