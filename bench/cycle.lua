-- wrk script: download the workbook of each version in turn, with an unknown parameter that changes on every
-- request (what a client does to get past a CDN's cache).
local versions = tonumber(os.getenv("BENCH_VERSIONS")) or 1
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/fee-list.xlsx?version=" .. ((n % versions) + 1) .. "&cb=" .. n)
end
