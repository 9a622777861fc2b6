-- wrk script: completes accepted quotes, one completion per request, with slightly more measured work than quoted
-- (1.7 m of pipe flushing on a 1.5 m quote, within the tolerance). The quotes were issued and accepted beforehand by
-- prepare.lua, so this measures completions alone and compares with quote creation. Each thread reads its own pool,
-- $BENCH_POOL_DIR/pool-<thread>.txt; a pool that runs dry is reported, because the rate would then be wrong.
local key = os.getenv("BENCH_STAFF_KEY")
local dir = os.getenv("BENCH_POOL_DIR")
local work = '{"lines":[{"serviceCode":"EXT-TANK-CLEAN-20","quantity":2},{"serviceCode":"EXT-PIPE-FLUSH-DN50","quantity":1.7}]}'
local headers = { ["Content-Type"] = "application/json", ["X-Api-Key"] = key }

local threads = {}
local count = 0
function setup(thread) count = count + 1; thread:set("id", count); table.insert(threads, thread) end

function init()
  pool, completed, failed, dry = {}, 0, 0, 0
  for line in io.lines(dir .. "/pool-" .. id .. ".txt") do table.insert(pool, line) end
end

function request()
  local number = table.remove(pool)
  if number then
    return wrk.format("POST", "/api/quotes/" .. number .. "/completion", headers, work)
  end
  dry = dry + 1
  return wrk.format("GET", "/healthz")
end

function response(status, headers, body)
  if status ~= 200 then
    failed = failed + 1
  elseif body:find('"status":"completed"', 1, true) then
    completed = completed + 1
  end
end

function done(summary, latency, requests)
  local total, bad, empty = 0, 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("completed")
    bad = bad + thread:get("failed")
    empty = empty + thread:get("dry")
  end
  io.write(string.format("completions: %d\nfailed: %d\npool ran dry: %d\nseconds: %.3f\n", total, bad, empty, summary.duration / 1e6))
end
