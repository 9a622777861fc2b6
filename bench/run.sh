#!/usr/bin/env bash
# PricingApi benchmark: the service against nginx serving the same bytes, on this machine, in one run.
#   bash bench/run.sh            full run (about 6 minutes)
#   BENCH_SMOKE=1 bash bench/run.sh   seconds-long rounds, to check the script still works (CI)
#   BENCH_ONLY=quotes,completions bash bench/run.sh   only these phases (get, quotes, completions, cycling, big), for
#                                 experiments; skipped phases report 0. The RSS after each phase goes to stderr.
# Writes a summary table to stdout and bench/results/latest.json. Targets only 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SMOKE=${BENCH_SMOKE:-0}
if [ "$SMOKE" = 1 ]; then ROUNDS=1; DURATION=2s; BIG=300; else ROUNDS=${BENCH_ROUNDS:-5}; DURATION=${BENCH_DURATION:-10s}; BIG=${BENCH_BIG:-10000}; fi
CONNECTIONS=32
ONLY=${BENCH_ONLY:-}
phase() { [ -z "$ONLY" ] || [[ ",$ONLY," == *",$1,"* ]]; }  # phase <name>: true when that phase runs
# What skipped phases report.
get_svc=0 get_ngx=0 gz_svc=0 gz_ngx=0 c304_svc=0 c304_ngx=0 fixed_svc=0 cycle_svc=0 cycle_versions=0 rss_fixed_mb=0 rss_cycle_mb=0
publish_ms=0 big_bytes=0 big_svc=0 big_ngx=0 gzip_bytes=0 list_bytes=0
SERVICE_PORT=5090
NGINX_PORT=5091
WORK=$(mktemp -d /tmp/pricingapi-bench.XXXXXX)
RESULTS=$ROOT/bench/results
mkdir -p "$RESULTS" "$WORK/www"
chmod 755 "$WORK" "$WORK/www"   # nginx's workers run as an unprivileged user and must read the files

need() {  # install a Debian package if its command is missing
  command -v "$1" >/dev/null 2>&1 && return
  echo "installing $2" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >&2
}
need wrk wrk
need nginx nginx-light
need jq jq

SERVICE_PID=""; NGINX_PID=""
cleanup() {
  [ -n "$SERVICE_PID" ] && kill "$SERVICE_PID" 2>/dev/null || true
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  [ "${BENCH_KEEP:-0}" = 1 ] && echo "kept $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT

echo "== building Release" >&2
dotnet publish src/PricingApi/PricingApi.csproj -c Release -r linux-x64 --self-contained false -o "$WORK/app" -v quiet -nologo >&2

now_ms() { date +%s%3N; }

for port in $SERVICE_PORT $NGINX_PORT; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is already in use on 127.0.0.1; stop what holds it" >&2; exit 1; fi
done

start_service() {  # start the service on $WORK/pricing.db; sets SERVICE_PID and STARTED_MS (start to the first 200 of /api/fee-list)
  local started
  started=$(now_ms)
  # Run from the app's own directory, as the container does, so appsettings.json is its configuration.
  ( cd "$WORK/app" && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Pricing="Data Source=$WORK/pricing.db" \
      exec dotnet "$WORK/app/PricingApi.dll" --urls "http://127.0.0.1:$SERVICE_PORT" >"$WORK/service.log" 2>&1 ) &
  SERVICE_PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$SERVICE_PORT/api/fee-list"; do
    kill -0 "$SERVICE_PID" 2>/dev/null || { tail -20 "$WORK/service.log" >&2; echo "the service died" >&2; exit 1; }
    (( $(now_ms) - started < 60000 )) || { echo "the service did not answer within 60 s" >&2; exit 1; }
    sleep 0.02
  done
  STARTED_MS=$(( $(now_ms) - started ))
}

stop_service() { kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true; SERVICE_PID=""; }

peak_rss_mb() { awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
rss_after() {  # rss_after <phase>: the service's RSS now and its peak so far, on stderr, to see which phase raises the peak
  awk -v phase="$1" '/VmRSS/ { r = $2 } /VmHWM/ { h = $2 } END { printf "== RSS after %s: %.0f MB (peak so far %.0f MB)\n", phase, r / 1024, h / 1024 }' \
    "/proc/$SERVICE_PID/status" >&2
}

# wrk → "requests/s p50_ms p99_ms non2xx errors"
measure() {
  local url=$1; shift
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url")
  echo "$out" >>"$WORK/wrk.log"
  local rps p50 p99 non2xx errors
  rps=$(echo "$out" | awk '/^Requests\/sec:/ { print $2 }')
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
  non2xx=$(echo "$out" | awk '/Non-2xx or 3xx responses:/ { print $NF }')
  errors=$(echo "$out" | awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }')
  echo "$rps $(to_ms "$p50") $(to_ms "$p99") ${non2xx:-0} ${errors:-0}"
}

to_ms() { echo "$1" | awk '/us$/ { sub("us", ""); printf "%.3f", $1 / 1000; next } /ms$/ { sub("ms", ""); printf "%.3f", $1; next } /s$/ { sub("s", ""); printf "%.3f", $1 * 1000; next } { print 0 }'; }

median() { tr ' ' '\n' | sort -g | awk 'NF { a[++n] = $1 } END { print n == 0 ? 0 : (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }'; }  # 0 for a skipped phase

start_nginx() {  # serve $WORK/www/fee-list.json
  sed -e "s|@DIR@|$WORK|g" -e "s|@PORT@|$NGINX_PORT|g" "$ROOT/bench/nginx.conf.template" >"$WORK/nginx.conf"
  nginx -c "$WORK/nginx.conf" -p "$WORK" &
  NGINX_PID=$!
  local tries=0
  until curl -fs -o /dev/null "http://127.0.0.1:$NGINX_PORT/fee-list.json"; do
    (( ++tries < 200 )) || { cat "$WORK/nginx-error.log" >&2; echo "nginx did not serve the file" >&2; exit 1; }
    sleep 0.05
  done
}

# Alternate service and nginx rounds; print "service_median nginx_median" of requests/s.
alternate() {  # alternate <service path> <nginx path> [wrk args...]
  local svc_path=$1 ngx_path=$2; shift 2
  local svc=() ngx=()
  for _ in $(seq "$ROUNDS"); do
    svc+=("$(measure "http://127.0.0.1:$SERVICE_PORT$svc_path" "$@" | cut -d' ' -f1)")
    ngx+=("$(measure "http://127.0.0.1:$NGINX_PORT$ngx_path" "$@" | cut -d' ' -f1)")
  done
  echo "$(echo "${svc[*]}" | median) $(echo "${ngx[*]}" | median)"
}

# ---------------------------------------------------------------- start-up and the seeded list
echo "== first start (creates, migrates and seeds the database)" >&2
start_service; first_start_ms=$STARTED_MS
stop_service
echo "== start on the existing database" >&2
start_service; start_ms=$STARTED_MS
rss_after start

curl -fs "http://127.0.0.1:$SERVICE_PORT/api/fee-list" -o "$WORK/www/fee-list.json"
service_etag=$(curl -fs -D - -o /dev/null "http://127.0.0.1:$SERVICE_PORT/api/fee-list" | awk -F': ' 'tolower($1) == "etag" { sub("\r", "", $2); print $2 }')
# The same list gzip-compressed by the service (its once-per-version bytes), for nginx's gzip_static under /gz/.
mkdir -p "$WORK/gz" && chmod 755 "$WORK/gz"
cp "$WORK/www/fee-list.json" "$WORK/gz/fee-list.json"
curl -fs -H 'Accept-Encoding: gzip' -D "$WORK/gzip-headers" "http://127.0.0.1:$SERVICE_PORT/api/fee-list" -o "$WORK/gz/fee-list.json.gz"
grep -qi '^content-encoding: gzip' "$WORK/gzip-headers" || { echo "the service did not answer Accept-Encoding: gzip with gzip" >&2; exit 1; }
gzip -dc "$WORK/gz/fee-list.json.gz" | cmp -s - "$WORK/www/fee-list.json" || { echo "the service's gzip body is not the fee list" >&2; exit 1; }
gzip_bytes=$(stat -c %s "$WORK/gz/fee-list.json.gz")
start_nginx
curl -fs -H 'Accept-Encoding: gzip' -D "$WORK/nginx-gzip-headers" -o /dev/null "http://127.0.0.1:$NGINX_PORT/gz/fee-list.json"
grep -qi '^content-encoding: gzip' "$WORK/nginx-gzip-headers" || { echo "nginx did not serve the .gz file (gzip_static)" >&2; exit 1; }
nginx_etag=$(curl -fs -D - -o /dev/null "http://127.0.0.1:$NGINX_PORT/fee-list.json" | awk -F': ' 'tolower($1) == "etag" { sub("\r", "", $2); print $2 }')
list_bytes=$(stat -c %s "$WORK/www/fee-list.json")

# One unmeasured round first: the service's JIT compiles its hot paths at full optimisation under load, and
# nginx has nothing to warm. Rounds after it measure the service as it runs for hours.
WARMUP=${BENCH_WARMUP:-5s}; [ "$SMOKE" = 1 ] && WARMUP=1s
if phase get; then
echo "== warm-up, $WARMUP" >&2
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:$SERVICE_PORT/api/fee-list" >/dev/null
echo "== fee-list GET, $ROUNDS × $DURATION each, $CONNECTIONS connections" >&2
read -r get_svc get_ngx < <(alternate /api/fee-list /fee-list.json)
echo "== fee-list GET with Accept-Encoding: gzip (nginx: gzip_static, the same bytes)" >&2
read -r gz_svc gz_ngx < <(alternate /api/fee-list /gz/fee-list.json -H 'Accept-Encoding: gzip')
echo "== conditional GET (304), each side with its own ETag" >&2
c304_s=(); c304_n=()
for _ in $(seq "$ROUNDS"); do
  c304_s+=("$(BENCH_ETAG=$service_etag measure "http://127.0.0.1:$SERVICE_PORT/api/fee-list" -s bench/conditional.lua | cut -d' ' -f1)")
  c304_n+=("$(BENCH_ETAG=$nginx_etag measure "http://127.0.0.1:$NGINX_PORT/fee-list.json" -s bench/conditional.lua | cut -d' ' -f1)")
done
c304_svc=$(echo "${c304_s[*]}" | median); c304_ngx=$(echo "${c304_n[*]}" | median)
rss_after "the fee-list GETs"
fi

# ---------------------------------------------------------------- quotes
staff_key=$( cd "$WORK" && ConnectionStrings__Pricing="Data Source=$WORK/pricing.db" dotnet "$WORK/app/PricingApi.dll" keys create --role staff --name "bench counter" 2>/dev/null | tail -1)
admin_key=$( cd "$WORK" && ConnectionStrings__Pricing="Data Source=$WORK/pricing.db" dotnet "$WORK/app/PricingApi.dll" keys create --role pricing-admin --name "bench admin" 2>/dev/null | tail -1)
quote_rps=(); quote_p50=(); quote_p99=(); quote_bad=0
if phase quotes; then
echo "== quote creation (POST /api/quotes)" >&2
BENCH_STAFF_KEY=$staff_key wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/quote.lua "http://127.0.0.1:$SERVICE_PORT/api/quotes" >/dev/null
for _ in $(seq "$ROUNDS"); do
  read -r rps p50 p99 non2xx errors < <(BENCH_STAFF_KEY=$staff_key measure "http://127.0.0.1:$SERVICE_PORT/api/quotes" -s bench/quote.lua)
  quote_rps+=("$rps"); quote_p50+=("$p50"); quote_p99+=("$p99"); quote_bad=$(( quote_bad + non2xx + errors ))
done
rss_after "quote creation"
fi
# ---------------------------------------------------------------- completions (POST /api/quotes/{number}/completion)
# Before each round, prepare.lua issues quotes and has them accepted (not measured); the round then completes them,
# one completion per request, so completions/s compares directly with quotes/s.
completion_rps=(); completion_p99=(); completion_bad=0; completion_dry=0
if phase completions; then
echo "== completions (POST /api/quotes/{number}/completion) on quotes issued and accepted before each round" >&2
POOL_PER_THREAD=${BENCH_COMPLETION_POOL:-20000}; [ "$SMOKE" = 1 ] && POOL_PER_THREAD=1000
prepare_pool() {  # prepare_pool <accepted quotes per wrk thread>
  rm -f "$WORK"/pool-*.txt
  until [ -f "$WORK/pool-1.txt" ] && [ -f "$WORK/pool-2.txt" ] \
        && (( $(wc -l <"$WORK/pool-1.txt") >= $1 && $(wc -l <"$WORK/pool-2.txt") >= $1 )); do
    BENCH_STAFF_KEY=$staff_key BENCH_POOL_DIR=$WORK wrk -t2 -c"$CONNECTIONS" -d3s -s bench/prepare.lua "http://127.0.0.1:$SERVICE_PORT/api/quotes" >/dev/null
  done
}
complete_pool() {  # complete_pool <duration> → wrk output with "completions:", "failed:", "pool ran dry:", "seconds:"
  BENCH_STAFF_KEY=$staff_key BENCH_POOL_DIR=$WORK wrk -t2 -c"$CONNECTIONS" -d"$1" --latency -s bench/completion.lua "http://127.0.0.1:$SERVICE_PORT/api/quotes"
}
prepare_pool 1000; complete_pool "$WARMUP" >/dev/null
for round in $(seq "$ROUNDS"); do
  prepare_pool "$POOL_PER_THREAD"
  rss_after "preparing completion pool $round"
  out=$(complete_pool "$DURATION")
  rss_after "completion round $round"
  echo "$out" >>"$WORK/wrk.log"
  completion_rps+=("$(echo "$out" | awk '/^completions:/ { n = $2 } /^seconds:/ { s = $2 } END { printf "%.1f", n / s }')")
  completion_p99+=("$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")")
  completion_bad=$(( completion_bad + $(echo "$out" | awk '/^failed:/ { print $2 }') ))
  completion_dry=$(( completion_dry + $(echo "$out" | awk '/^pool ran dry:/ { print $4 }') ))
done
fi

quote_count=$(curl -fs -H "X-Api-Key: $staff_key" "http://127.0.0.1:$SERVICE_PORT/api/quotes?pageSize=1" | jq -r '.totalCount // .total // empty' 2>/dev/null || true)

# ---------------------------------------------------------------- cache cycling
# Downloads that cycle ?version= over every version (with a changing unknown parameter, as a client getting past a
# CDN would) against downloads of one fixed version: the byte-bounded caches should keep the cycling case at half
# the fixed one's throughput or better, and the memory within Caches:RenderedBytes + Caches:VersionBytes of the base.
CYCLE_VERSIONS=${BENCH_CYCLE_VERSIONS:-40}; [ "$SMOKE" = 1 ] && CYCLE_VERSIONS=4
current_rss_mb() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
cache_budget_mb=$(jq -r '((.Caches.RenderedBytes // 67108864) + (.Caches.VersionBytes // 134217728)) / 1048576' "$WORK/app/appsettings.json")
if phase cycling; then
echo "== publishing $CYCLE_VERSIONS more versions for the cache-cycling phase" >&2
for i in $(seq "$CYCLE_VERSIONS"); do
  python3 "$ROOT/bench/add_services.py" "http://127.0.0.1:$SERVICE_PORT" "$admin_key" 1 $(( 90000 + i )) >/dev/null
  curl -fs -o /dev/null -X POST -H "X-Api-Key: $admin_key" -H 'Content-Type: application/json' -d '{}' "http://127.0.0.1:$SERVICE_PORT/api/admin/fee-list/versions"
done
cycle_versions=$(curl -fs "http://127.0.0.1:$SERVICE_PORT/api/fee-list" | jq -r .version)
rss_after "publishing $CYCLE_VERSIONS versions"
echo "== xlsx downloads of one fixed version" >&2
curl -fs -o /dev/null "http://127.0.0.1:$SERVICE_PORT/api/fee-list.xlsx?version=1"   # the first workbook compiles ClosedXML's code paths
fixed_rps=(); cycle_rps=()
for _ in $(seq "$ROUNDS"); do
  fixed_rps+=("$(measure "http://127.0.0.1:$SERVICE_PORT/api/fee-list.xlsx?version=1" | cut -d' ' -f1)")
done
rss_fixed_mb=$(current_rss_mb "$SERVICE_PID")
rss_after "xlsx downloads of one version"
echo "== xlsx downloads cycling versions 1…$cycle_versions" >&2
for _ in $(seq "$ROUNDS"); do
  cycle_rps+=("$(BENCH_VERSIONS=$cycle_versions measure "http://127.0.0.1:$SERVICE_PORT/api/fee-list.xlsx" -s bench/cycle.lua | cut -d' ' -f1)")
done
rss_cycle_mb=$(current_rss_mb "$SERVICE_PID")
fixed_svc=$(echo "${fixed_rps[*]}" | median); cycle_svc=$(echo "${cycle_rps[*]}" | median)
rss_after "xlsx downloads cycling versions"
fi

# ---------------------------------------------------------------- a 10,000-item catalog
if phase big; then
echo "== adding $BIG extended services through the admin API" >&2
python3 "$ROOT/bench/add_services.py" "http://127.0.0.1:$SERVICE_PORT" "$admin_key" "$BIG" >&2
rss_after "adding $BIG services"
publish_ms=$(curl -fs -o "$WORK/publish.json" -w '%{time_total}' -X POST -H "X-Api-Key: $admin_key" -H 'Content-Type: application/json' \
  -d '{}' "http://127.0.0.1:$SERVICE_PORT/api/admin/fee-list/versions" | awk '{ printf "%.0f", $1 * 1000 }')
big_version=$(jq -r .version "$WORK/publish.json")
rss_after "publishing $BIG items"
curl -fs "http://127.0.0.1:$SERVICE_PORT/api/fee-list" -o "$WORK/www/fee-list-big.json"
big_bytes=$(stat -c %s "$WORK/www/fee-list-big.json")
echo "== $BIG-item fee-list GET (version $big_version, $big_bytes bytes)" >&2
read -r big_svc big_ngx < <(alternate /api/fee-list /fee-list-big.json)
rss_after "the $BIG-item GETs"
fi

rss_mb=$(peak_rss_mb "$SERVICE_PID")
stop_service

# ---------------------------------------------------------------- report
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }
q_rps=$(echo "${quote_rps[*]}" | median); q_p50=$(echo "${quote_p50[*]}" | median); q_p99=$(echo "${quote_p99[*]}" | median)
c_rps=$(echo "${completion_rps[*]}" | median); c_p99=$(echo "${completion_p99[*]}" | median)

jq -n \
  --arg when "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --arg smoke "$SMOKE" --argjson rounds "$ROUNDS" --arg duration "$DURATION" --argjson connections "$CONNECTIONS" \
  --argjson list_bytes "$list_bytes" --argjson get_svc "$get_svc" --argjson get_ngx "$get_ngx" \
  --argjson gzip_bytes "$gzip_bytes" --argjson gz_svc "$gz_svc" --argjson gz_ngx "$gz_ngx" \
  --argjson c304_svc "$c304_svc" --argjson c304_ngx "$c304_ngx" \
  --argjson q_rps "$q_rps" --argjson q_p50 "$q_p50" --argjson q_p99 "$q_p99" --argjson q_bad "$quote_bad" \
  --argjson c_rps "$c_rps" --argjson c_p99 "$c_p99" --argjson c_bad "$completion_bad" --argjson c_dry "$completion_dry" \
  --argjson big "$BIG" --argjson big_bytes "$big_bytes" --argjson big_svc "$big_svc" --argjson big_ngx "$big_ngx" --argjson publish_ms "$publish_ms" \
  --argjson fixed_svc "$fixed_svc" --argjson cycle_svc "$cycle_svc" --argjson cycle_versions "$cycle_versions" \
  --argjson rss_fixed_mb "$rss_fixed_mb" --argjson rss_cycle_mb "$rss_cycle_mb" --argjson cache_budget_mb "$cache_budget_mb" \
  --argjson rss_mb "$rss_mb" --argjson start_ms "$start_ms" --argjson first_start_ms "$first_start_ms" \
  '{ when: $when, smoke: ($smoke == "1"), rounds: $rounds, duration: $duration, connections: $connections,
     feeListGet: { bytes: $list_bytes, serviceRps: $get_svc, nginxRps: $get_ngx, ratio: (if $get_ngx > 0 then $get_svc / $get_ngx else 0 end), target: 0.80 },
     feeListGetGzip: { bytes: $gzip_bytes, serviceRps: $gz_svc, nginxRps: $gz_ngx, ratio: (if $gz_ngx > 0 then $gz_svc / $gz_ngx else 0 end), target: 0.90 },
     conditionalGet304: { serviceRps: $c304_svc, nginxRps: $c304_ngx, ratio: (if $c304_ngx > 0 then $c304_svc / $c304_ngx else 0 end), target: 0.80 },
     quoteCreation: { rps: $q_rps, p50Ms: $q_p50, p99Ms: $q_p99, errors: $q_bad, targetRps: 2000, targetP99Ms: 50 },
     completion: { completionsPerSecond: $c_rps, p99Ms: $c_p99, failed: $c_bad, poolRanDry: $c_dry, targetRps: 2000, targetP99Ms: 50 },
     bigFeeListGet: { items: $big, bytes: $big_bytes, serviceRps: $big_svc, nginxRps: $big_ngx, ratio: (if $big_ngx > 0 then $big_svc / $big_ngx else 0 end), target: 0.60 },
     cacheCycling: { versions: $cycle_versions, fixedVersionRps: $fixed_svc, cyclingRps: $cycle_svc,
                     ratio: (if $fixed_svc > 0 then $cycle_svc / $fixed_svc else 0 end), target: 0.50,
                     rssAfterFixedMb: $rss_fixed_mb, rssAfterCyclingMb: $rss_cycle_mb, cacheBudgetMb: $cache_budget_mb,
                     rssTargetMaxMb: ($rss_fixed_mb + $cache_budget_mb) },
     publishBigMs: { value: $publish_ms, targetMax: 2000 },
     peakRssMb: { value: $rss_mb, targetMax: 250 },
     startToFirst200Ms: { existingDatabase: $start_ms, firstStartWithSeeding: $first_start_ms, targetMax: 2000 } }' >"$RESULTS/latest.json"

printf '\n%-40s %14s %14s %8s %10s\n' "measure (medians of $ROUNDS × $DURATION)" "service" "nginx" "ratio" "target"
printf '%-40s %14.0f %14.0f %8s %10s\n' "fee-list GET req/s ($list_bytes B)" "$get_svc" "$get_ngx" "$(ratio "$get_svc" "$get_ngx")" "≥ 0.80"
printf '%-40s %14.0f %14.0f %8s %10s\n' "fee-list GET gzip req/s ($gzip_bytes B)" "$gz_svc" "$gz_ngx" "$(ratio "$gz_svc" "$gz_ngx")" "≥ 0.90"
printf '%-40s %14.0f %14.0f %8s %10s\n' "conditional GET 304 req/s" "$c304_svc" "$c304_ngx" "$(ratio "$c304_svc" "$c304_ngx")" "≥ 0.80"
printf '%-40s %14.0f %14.0f %8s %10s\n' "$BIG-item fee-list GET req/s ($big_bytes B)" "$big_svc" "$big_ngx" "$(ratio "$big_svc" "$big_ngx")" "≥ 0.60"
printf '%-40s %14.0f %14s %8s %10s\n' "quote POST req/s" "$q_rps" "" "" "≥ 2000"
printf '%-40s %14s %14s %8s %10s\n' "quote POST p50 / p99 ms" "$q_p50 / $q_p99" "" "" "p99 ≤ 50"
printf '%-40s %14s %14s %8s %10s\n' "quote POST errors (non-2xx + socket)" "$quote_bad" "" "" "0"
printf '%-40s %14.0f %14.0f %8s %10s\n' "xlsx req/s: cycling $cycle_versions vs fixed" "$cycle_svc" "$fixed_svc" "$(ratio "$cycle_svc" "$fixed_svc")" "≥ 0.50"
printf '%-40s %14s %14s %8s %10s\n' "RSS MB after cycling / after fixed" "$rss_cycle_mb" "$rss_fixed_mb" "" "≤ +$cache_budget_mb"
printf '%-40s %14.0f %14s %8s %10s\n' "completions/s" "$c_rps" "" "" "≥ 2000"
printf '%-40s %14s %14s %8s %10s\n' "completion p99 ms" "$c_p99" "" "" "≤ 50"
printf '%-40s %14s %14s %8s %10s\n' "completion failures / pool ran dry" "$completion_bad / $completion_dry" "" "" "0 / 0"
printf '%-40s %14s %14s %8s %10s\n' "publish $BIG items ms" "$publish_ms" "" "" "≤ 2000"
printf '%-40s %14s %14s %8s %10s\n' "peak RSS MB" "$rss_mb" "" "" "≤ 250"
printf '%-40s %14s %14s %8s %10s\n' "start to first 200 ms (existing db)" "$start_ms" "" "" "≤ 2000"
printf '%-40s %14s %14s %8s %10s\n' "first start with seeding ms" "$first_start_ms" "" "" ""
echo "results: bench/results/latest.json" >&2
