-- One wrk scenario. Arguments after `--`: mode (static | paths | tokens), a file, the thread count.
-- paths: each request GETs a random line of the file. tokens: each request POSTs an appeal with the
-- next unused "authorization<TAB>json body" line; threads take disjoint lines, so no token is sent twice.
-- done() prints one line "WRK_JSON {...}" for run-bench.ts.
local threads = {}
local counter = 0
local lines = {}
local used = 0

function setup(thread)
  counter = counter + 1
  thread:set("index", counter)
  table.insert(threads, thread)
end

function init(args)
  mode = args[1] or "static"
  local file, nthreads = args[2], tonumber(args[3] or "1")
  math.randomseed(index * 7919)
  if mode == "static" then return end
  local n = 0
  for line in io.lines(file) do
    n = n + 1
    if mode == "paths" or n % nthreads == index - 1 then lines[#lines + 1] = line end
  end
end

function request()
  if mode == "paths" then
    return wrk.format("GET", lines[math.random(#lines)])
  elseif mode == "tokens" then
    used = used + 1
    if used > #lines then
      exhausted = true
      wrk.thread:stop()
      return wrk.format("GET", "/healthz")
    end
    local auth, body = lines[used]:match("^([^\t]*)\t(.*)$")
    local headers = { ["content-type"] = "application/json", ["authorization"] = auth }
    return wrk.format("POST", "/api/v1/appeals", headers, body)
  end
  return wrk.format("GET", wrk.path)
end

function done(summary, latency, requests)
  local ran_out = false
  for _, t in ipairs(threads) do
    if t:get("exhausted") then ran_out = true end
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"durationUs":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,' ..
    '"p50Us":%d,"p90Us":%d,"p99Us":%d,"maxUs":%d,"exhausted":%s}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, tostring(ran_out)))
end
