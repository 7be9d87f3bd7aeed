-- wrk script for the performance division's target inbox (issue 4, target p95 < 150 ms with ~3,000 pending).
--   TOKEN=jx_... YEAR=2026 PAGES=60 MODE=api|page wrk -t2 -c16 -d30s --latency -s targets-inbox.lua http://127.0.0.1:5090
-- MODE=api requests GET /api/targets/inbox (JSON), MODE=page the Razor page /Targets; pages 1..PAGES of 待办
-- (50 a page) picked at random, plus the counts every request computes for the tabs.
local token = os.getenv("TOKEN") or error("set TOKEN")
local year = os.getenv("YEAR") or "2026"
local pages = tonumber(os.getenv("PAGES") or "60")
local mode = os.getenv("MODE") or "api"
local counter = 0
function setup(thread) counter = counter + 1; thread:set("seed", counter) end
function init(args)
  math.randomseed(seed or 1)
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Accept"] = (mode == "page") and "text/html" or "application/json"
end
function request()
  local page = math.random(pages)
  if mode == "page" then
    return wrk.format("GET", "/Targets?Year=" .. year .. "&Box=Todo&PageNumber=" .. page)
  end
  return wrk.format("GET", "/api/targets/inbox?year=" .. year .. "&box=Todo&page=" .. page)
end
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("mode=%s pages=%d requests=%d duration=%.1fs rps=%.1f\n", mode, pages, summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("latency_ms p50=%.1f p90=%.1f p95=%.1f p99=%.1f max=%.1f mean=%.1f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000))
  io.write(string.format("errors connect=%d read=%d write=%d status(non-2xx/3xx)=%d timeout=%d\n",
    e.connect, e.read, e.write, e.status, e.timeout))
end
