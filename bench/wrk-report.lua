-- wrk script for bench/run.sh: sends the session cookie (BENCH_COOKIE) and prints one machine-readable
-- line with requests/s, latency percentiles (ms) and errors. Any answer that is not 2xx counts as an
-- error (a redirect to the sign-in page would otherwise pass unnoticed), as do socket errors and timeouts.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  local cookie = os.getenv("BENCH_COOKIE")
  if cookie and cookie ~= "" then
    wrk.headers["Cookie"] = cookie
  end
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  io.write(string.format(
    "BENCHRESULT requests=%d seconds=%.2f rps=%.1f p50=%.2f p95=%.2f p99=%.2f max=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    bad, socket))
end
