-- wrk's requests for the single-heartbeat scenarios (wrk-pings.ts runs it): the requests the
-- autocannon generators made before, built in wrk's own LuaJIT instead of in Node.
-- POST /api/v1/assets/:id/heartbeats with {lat, lon, speed, heading, timestamp}: request n of a
-- thread goes to asset FIRST_ASSET + n mod ASSETS, so assets rotate. Each asset's timestamps step
-- by THREADS ms from the clock's start plus the thread's index, from slot FIRST_SLOT on, so no
-- thread repeats another's and no run repeats an earlier run's (the harness moves FIRST_SLOT on).

local threads = 0

function setup(thread)
  thread:set("index", threads)
  threads = threads + 1
end

function init(args)
  local env = os.getenv
  first_asset = tonumber(env("BENCH_FIRST_ASSET"))
  assets = tonumber(env("BENCH_ASSETS"))
  clock_ms = tonumber(env("BENCH_CLOCK_MS"))
  stride = tonumber(env("BENCH_THREADS"))
  first_slot = tonumber(env("BENCH_FIRST_SLOT"))
  headers = { ["authorization"] = "Bearer " .. env("BENCH_KEY"), ["content-type"] = "application/json" }
  sent = {}
  n = 0
end

function request()
  local asset = n % assets
  local slot = sent[asset] or first_slot
  sent[asset] = slot + 1
  local ms = clock_ms + slot * stride + index
  local timestamp = os.date("!%Y-%m-%dT%H:%M:%S", math.floor(ms / 1000)) .. string.format(".%03dZ", ms % 1000)
  local body = string.format('{"lat":%.4f,"lon":%.4f,"speed":%.1f,"heading":%d,"timestamp":"%s"}',
    59.3 + (n % 1000) / 10000, 18.0 + (n % 997) / 10000, (n % 300) / 10, n % 360, timestamp)
  n = n + 1
  return wrk.format("POST", string.format("/api/v1/assets/BENCHVIN%09d/heartbeats", first_asset + asset), headers, body)
end

-- One JSON line for the harness: completed requests, those answered 4xx/5xx, socket errors, µs.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK_RESULT {"requests":%d,"status_errors":%d,"socket_errors":%d,"timeouts":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d}\n',
    summary.requests, e.status, e.connect + e.read + e.write, e.timeout, summary.duration,
    latency:percentile(50), latency:percentile(99)))
end
