-- wrk script of bench/load.sh: one scenario, described by the environment.
--   BENCH_TOKEN    API token (Authorization: Bearer …)
--   BENCH_METHOD   GET, POST, PUT …
--   BENCH_PATH     request path; "{id}" is replaced by an id of BENCH_IDS
--   BENCH_BODY     request body (JSON), optional; "{id}" as above, "{n}" by a number unique
--                  to the request (per run), for names and platform post ids
--   BENCH_IDS      file with one id a line; requests go round them, each thread starting
--                  elsewhere
--   BENCH_ONCE=1   use each id at most once (publishing a post twice is a 409): thread k of
--                  BENCH_THREADS takes the ids k, k + threads, …; when they run out the
--                  requests go on with the last one and count as errors
-- done() prints one line for load.sh:
--   BENCH_RESULT requests=… duration_us=… p50_us=… p99_us=… status_errors=… socket_errors=…

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

local ids = {}
local next_id = 1
local step = 1
local counter = 0
local method, path, body, headers

function init(args)
  local token = os.getenv("BENCH_TOKEN") or error("BENCH_TOKEN is not set")
  method = os.getenv("BENCH_METHOD") or "GET"
  path = os.getenv("BENCH_PATH") or error("BENCH_PATH is not set")
  body = os.getenv("BENCH_BODY")
  if body == "" then body = nil end
  headers = {["Authorization"] = "Bearer " .. token}
  if body then headers["Content-Type"] = "application/json" end

  local file = os.getenv("BENCH_IDS")
  if file and file ~= "" then
    for line in io.lines(file) do
      if line ~= "" then table.insert(ids, line) end
    end
    if #ids == 0 then error("no ids in " .. file) end
  end
  local nthreads = tonumber(os.getenv("BENCH_THREADS") or "1")
  if os.getenv("BENCH_ONCE") == "1" then
    next_id = tid
    step = nthreads
  elseif #ids > 0 then
    next_id = 1 + (tid - 1) * math.floor(#ids / nthreads) % #ids
  end
end

local function take_id()
  if #ids == 0 then return "" end
  local id = ids[math.min(next_id, #ids)]
  next_id = next_id + step
  if step == 1 and next_id > #ids then next_id = 1 end
  return id
end

function request()
  local id = take_id()
  counter = counter + 1
  local n = tostring(tid) .. "-" .. tostring(counter)
  local p = path:gsub("{id}", id)
  local b = nil
  if body then b = body:gsub("{id}", id):gsub("{n}", n) end
  return wrk.format(method, p, headers, b)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH_RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d status_errors=%d socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.status,
    e.connect + e.read + e.write + e.timeout))
end
