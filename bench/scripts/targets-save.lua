-- wrk script: saving one draft's 30-indicator target form again and again (PUT /api/targets/{id}).
--   TOKEN=jx_... TARGET=123 BODY=/tmp/jx-bench/form30.json wrk -t1 -c1 -d30s --latency -s targets-save.lua http://127.0.0.1:5090
-- One connection: concurrent saves of the same version would (rightly) conflict.
local token = os.getenv("TOKEN") or error("set TOKEN")
local target = os.getenv("TARGET") or error("set TARGET")
local f = assert(io.open(os.getenv("BODY") or error("set BODY"), "rb"))
local body = f:read("*a")
f:close()
function init(args)
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
end
function request() return wrk.format("PUT", "/api/targets/" .. target, nil, body) end
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("requests=%d duration=%.1fs rps=%.1f\n", summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("latency_ms p50=%.1f p90=%.1f p95=%.1f p99=%.1f max=%.1f mean=%.1f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000))
  io.write(string.format("errors status(non-2xx/3xx)=%d timeout=%d\n", e.status, e.timeout))
end
