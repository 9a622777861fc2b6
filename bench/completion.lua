-- wrk script: quotes taken all the way to a charge, as counters do all day. Each thread keeps its own queues: a quote
-- answered 201 is accepted next, an accepted one is completed next, and a new quote is issued only when nothing waits.
-- So every request is one step of issue → accept → complete, and done() reports how many charges were made.
local key = os.getenv("BENCH_STAFF_KEY")
local quote = '{"customer":{"name":"张三","phone":"13800000000","address":"昆明市五华区人民中路1号","district":"五华区","street":"华山街道"},' ..
              '"lines":[{"serviceCode":"EXT-TANK-CLEAN-20","quantity":2},{"serviceCode":"EXT-PIPE-FLUSH-DN50","quantity":1.5}]}'
local work = '{"lines":[{"serviceCode":"EXT-TANK-CLEAN-20","quantity":2},{"serviceCode":"EXT-PIPE-FLUSH-DN50","quantity":1.7}]}'
local headers = { ["Content-Type"] = "application/json", ["X-Api-Key"] = key }

local threads = {}
function setup(thread) table.insert(threads, thread) end

function init()
  to_accept, to_complete = {}, {}
  completed, failed = 0, 0
end

function request()
  local number = table.remove(to_complete)
  if number then
    return wrk.format("POST", "/api/quotes/" .. number .. "/completion", headers, work)
  end
  number = table.remove(to_accept)
  if number then
    return wrk.format("POST", "/api/quotes/" .. number .. "/acceptance", headers, "")
  end
  return wrk.format("POST", "/api/quotes", headers, quote)
end

-- Responses on one thread come back in the order its connections were answered, not sent: the step is read from the
-- body (its number and status), never from the order.
function response(status, headers, body)
  local number = body:match('"number":"(Q%-%d+%-%d+)"')
  if status == 201 and number then
    table.insert(to_accept, number)
  elseif status == 200 and number and body:find('"status":"accepted"', 1, true) then
    table.insert(to_complete, number)
  elseif status == 200 and number and body:find('"status":"completed"', 1, true) then
    completed = completed + 1
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local total, bad = 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("completed")
    bad = bad + thread:get("failed")
  end
  io.write(string.format("completions: %d\nfailed steps: %d\n", total, bad))
end
