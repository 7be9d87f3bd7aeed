-- wrk script for the project list (issue 3, target p95 < 100 ms at 16 connections on the province dataset).
--
--   TOKEN=jx_... YEAR=2026 MODE=api  wrk -t2 -c16 -d30s --latency -s project-list.lua http://127.0.0.1:5090
--   TOKEN=jx_... YEAR=2026 MODE=page wrk -t2 -c16 -d30s --latency -s project-list.lua http://127.0.0.1:5090
--
-- MODE=api requests GET /api/projects (JSON), MODE=page the Razor page GET /Projects (HTML); both
-- authenticate with the bearer token (the app's policy scheme forwards "Bearer ..." to the token handler
-- on pages too). The mix: every page 1..80 of the county's ~4,000 projects (50 a page) under three sorts,
-- plus filtered lists (budget kind, keyword, minimum amount) on their first pages. Paths are picked at
-- random (fixed seed per thread) from that list.

local token = os.getenv("TOKEN") or error("set TOKEN to a bearer token (POST /api/auth/tokens)")
local year = os.getenv("YEAR") or "2026"
local mode = os.getenv("MODE") or "api"

local function path(sort, descending, page, filter)
  if mode == "page" then
    local p = "/Projects?Year=" .. year .. "&Sort=" .. sort .. "&PageNumber=" .. page
    if descending then p = p .. "&Descending=true" end
    if filter then p = p .. "&" .. filter end
    return p
  end
  local p = "/api/projects?year=" .. year .. "&sort=" .. sort .. "&page=" .. page
  if descending then p = p .. "&descending=true" end
  if filter then p = p .. "&" .. filter end
  return p
end

-- %E5%9F%B9%E8%AE%AD = 培训 (URL-encoded UTF-8)
local filters = { "budgetKind=General", "keyword=%E5%9F%B9%E8%AE%AD", "minWan=10" }

local paths = {}
for page = 1, 80 do
  paths[#paths + 1] = path("Code", false, page)
  paths[#paths + 1] = path("Adjusted", true, page)
  paths[#paths + 1] = path("Rate", false, page)
end
-- filtered lists: a county user mostly looks at the first pages of a filtered list
for _, f in ipairs(filters) do
  for page = 1, 10 do
    paths[#paths + 1] = path("Code", false, page, f)
    paths[#paths + 1] = path("Adjusted", true, page, f)
    paths[#paths + 1] = path("Rate", false, page, f)
  end
end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(seed or 1)
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Accept"] = (mode == "page") and "text/html" or "application/json"
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("mode=%s paths=%d requests=%d duration=%.1fs rps=%.1f\n",
    mode, #paths, summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("latency_ms p50=%.1f p90=%.1f p95=%.1f p99=%.1f max=%.1f mean=%.1f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000))
  io.write(string.format("errors connect=%d read=%d write=%d status(non-2xx/3xx)=%d timeout=%d\n",
    e.connect, e.read, e.write, e.status, e.timeout))
end
