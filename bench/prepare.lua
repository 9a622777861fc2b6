-- wrk script: issues quotes and has the customer accept each; the accepted quotes' numbers are appended to
-- $BENCH_POOL_DIR/pool-<thread>.txt for completion.lua. Not measured: run.sh repeats short runs until the pool is big
-- enough (wrk has no way to end a run early).
local key = os.getenv("BENCH_STAFF_KEY")
local dir = os.getenv("BENCH_POOL_DIR")
local quote = '{"customer":{"name":"张三","phone":"13800000000","address":"昆明市五华区人民中路1号","district":"五华区","street":"华山街道"},' ..
              '"lines":[{"serviceCode":"EXT-TANK-CLEAN-20","quantity":2},{"serviceCode":"EXT-PIPE-FLUSH-DN50","quantity":1.5}]}'
local headers = { ["Content-Type"] = "application/json", ["X-Api-Key"] = key }

local count = 0
function setup(thread) count = count + 1; thread:set("id", count) end

function init()
  to_accept = {}
  out = io.open(dir .. "/pool-" .. id .. ".txt", "a")
  out:setvbuf("line")
end

function request()
  local number = table.remove(to_accept)
  if number then
    return wrk.format("POST", "/api/quotes/" .. number .. "/acceptance", headers, "")
  end
  return wrk.format("POST", "/api/quotes", headers, quote)
end

function response(status, headers, body)
  local number = body:match('"number":"([A-Z]+%-%d+%-%d+)"')
  if status == 201 and number then
    table.insert(to_accept, number)
  elseif status == 200 and number and body:find('"status":"accepted"', 1, true) then
    out:write(number, "\n")
  end
end
