"""Adds N extended services to the working catalog through the admin API (stdlib only), 8 at a time.
Usage: add_services.py BASE_URL KEY N [FIRST]; codes are EXT-BENCH-<FIRST…FIRST+N-1>."""
import json
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor

base, key, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
first = int(sys.argv[4]) if len(sys.argv) > 4 else 0


def add(i: int) -> int:
    body = {
        "code": f"EXT-BENCH-{i:05d}", "kind": "extended", "category": ["maintenance", "cleaning", "water-testing"][i % 3],
        "name": f"压测项目{i:05d}", "nameEn": f"Benchmark item {i:05d}", "unit": "次", "unitEn": "per visit",
        "description": "压测用延伸服务，含材料及人工。", "legalBasis": "kunming-2022-1/3.9",
        "costBasis": {"materials": 10 + i % 90, "labour": 50, "machinery": 5, "other": 2, "overhead": 3},
        "priceExcludingTax": round((10 + i % 90 + 60) * 1.1, 1), "vatRate": 0.06, "pricingForm": "market-regulated",
        "sortOrder": 1000 + i,
    }
    request = urllib.request.Request(f"{base}/api/admin/services", data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "X-Api-Key": key})
    with urllib.request.urlopen(request) as response:
        return response.status


with ThreadPoolExecutor(8) as pool:
    statuses = list(pool.map(add, range(first, first + count)))
bad = [s for s in statuses if s != 201]
print(f"added {statuses.count(201)} services, {len(bad)} failures")
sys.exit(1 if bad else 0)
