-- wrk script for bench/run.sh: sends the session cookie (BENCH_COOKIE) and prints one machine-readable
-- line with requests/s, latency percentiles (ms) and errors. Any answer that is not 2xx counts as an
-- error (a redirect to the sign-in page would otherwise pass unnoticed), as do socket errors and timeouts.
-- Like a browser, each connection's thread keeps the session cookie the app renews: the sign-in's security stamp is
-- checked every two minutes (SessionLimits.StampCheck) and the answer carries a fresh cookie. Sent the first cookie
-- for ever, every request after two minutes checked the stamp again (a user lookup and a new cookie each time),
-- which no browser does, and the pages measured later in a run paid for it (docs/benchmarks.md).
local threads = {}
local request_text = nil

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  renewals = 0
  local cookie = os.getenv("BENCH_COOKIE")
  if cookie and cookie ~= "" then
    wrk.headers["Cookie"] = cookie
  end
end

function request()
  if request_text == nil then
    request_text = wrk.format()
  end
  return request_text
end

local function renew(set_cookie)
  local value = set_cookie and string.match(set_cookie, "^PlanManager%.Auth=([^;]*)")
  local cookie = wrk.headers["Cookie"]
  if value and value ~= "" and cookie then
    local renewed, n = string.gsub(cookie, "PlanManager%.Auth=[^;]*", function() return "PlanManager.Auth=" .. value end)
    if n > 0 and renewed ~= cookie then
      wrk.headers["Cookie"] = renewed
      renewals = renewals + 1
      request_text = nil
    end
  end
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
  renew(headers["Set-Cookie"])
end

function done(summary, latency, requests)
  local bad = 0
  local renewed = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
    renewed = renewed + thread:get("renewals")
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  io.write(string.format(
    "BENCHRESULT requests=%d seconds=%.2f rps=%.1f p50=%.2f p95=%.2f p99=%.2f max=%.2f non2xx=%d socket_errors=%d cookie_renewals=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    bad, socket, renewed))
end
