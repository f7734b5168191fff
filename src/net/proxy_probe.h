#pragma once

#include <chrono>
#include <optional>
#include <string>

// Health check for the static HTTP proxies in the inventory: does the proxy accept a TCP
// connection, and (optionally) will it open a tunnel for us with our credentials?
namespace persona::net {

struct ProbeTarget {
  // An IPv4 or IPv6 literal. Never resolved: the inventory stores addresses, and a DNS
  // lookup would add latency and a failure mode that says nothing about the proxy.
  std::string host;
  int port = 0;
  std::string username;  // empty: the CONNECT request carries no Proxy-Authorization
  std::string password;
};

struct ProbeOptions {
  std::chrono::milliseconds timeout{3000};    // whole probe (connect + CONNECT exchange)
  std::optional<std::string> connect_target;  // "host:port" to ask the proxy to CONNECT to; nullopt = TCP only
};

struct ProbeResult {
  bool reachable = false;
  // Rounded up, so a reachable proxy always reports at least 1 ms; 0 when not reachable.
  int response_time_ms = 0;
  // Empty when reachable. Short and meant for users ("connection refused", "timed out after
  // 3000 ms", "proxy answered 407 to CONNECT"); never contains the password or the
  // Proxy-Authorization header, and never echoes what the proxy sent.
  std::string error;
};

// Connects to the proxy and, with a connect_target, sends CONNECT and reads the response
// headers (at most 8 KiB); reachable only for a 2xx answer. response_time_ms runs from the
// call to the TCP connection being established (TCP only) or to the CONNECT status line being
// read. Returns within about options.timeout whatever the peer does. Invalid input (a host
// that is not an IP literal, a port outside 1..65535, a connect_target with spaces or control
// characters, a non-positive timeout) and running out of file descriptors are error results,
// not exceptions. Safe to call from many threads at once: each call owns its own io_context.
ProbeResult Probe(const ProbeTarget& target, const ProbeOptions& options);

}  // namespace persona::net
