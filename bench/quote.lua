-- wrk script: create one quote per request, as a clerk at a counter would.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = os.getenv("BENCH_STAFF_KEY")
wrk.body = '{"customer":{"name":"张三","phone":"13800000000","address":"昆明市五华区人民中路1号","district":"五华区","street":"华山街道"},' ..
           '"lines":[{"serviceCode":"EXT-TANK-CLEAN-20","quantity":2},{"serviceCode":"EXT-TEST-9","quantity":1}]}'
