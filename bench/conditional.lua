-- wrk script: a poller that already holds the current version (If-None-Match → 304).
wrk.headers["If-None-Match"] = os.getenv("BENCH_ETAG")
