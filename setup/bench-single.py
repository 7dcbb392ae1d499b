#!/usr/bin/env python3
"""One user alone (setup/bench run, after the load): each page N times, with the static file and a trivial Faces
page as references on the same server. Signs in as the 10th bench account of each role (the load uses the first
ones). Prints JSON: {name: {"n", "median_ms", "p95_ms", "first_median_ms", "warm_requests"}}.
Usage: bench-single.py BASE_URL bench.properties N

Each page is measured on a server that has served it steadily: after its first N views (their median is kept as
first_median_ms, the page as a freshly started server serves it), it is requested until it has been viewed
BENCH_SINGLE_WARM_REQUESTS times (1000) or for BENCH_SINGLE_WARM_SECONDS (90), whichever comes first, and only then
N more times for the figures. On one core the JIT compiles for a minute of steady views: a commune's dashboard at S
went from 104 ms (first 100 views) to 22 ms (views 1,000 to 1,500), and its raw SQL from 28-30 ms (first runs) to
9 ms (warmed; docs/benchmarks.md, fourth round). BenchRaw warms the raw SQL of the dashboards the same way, with the same settings."""
import http.cookiejar
import json
import os
import re
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

base, props_file, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
props = {}
for line in open(props_file, encoding="utf-8"):
    if "=" in line:
        k, v = line.rstrip("\n").split("=", 1)
        props[k] = v
users = int(props.get("users", "10"))
VS = re.compile(r'name="jakarta\.faces\.ViewState"[^>]*value="([^"]+)"')


def opener():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def get(o, path):
    try:
        with o.open(base + path, timeout=120) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:  # the trivial page answers 404 (no such certificate) by design
        return e.code, e.read().decode("utf-8", "replace")


def sign_in(user, timed=None):
    """A new session signed in as user; with timed, the sign-in's POST (and the home page it answers) is timed."""
    o = opener()
    _, body = get(o, "/login.xhtml")
    vs = VS.search(body).group(1)
    data = urllib.parse.urlencode({"login": "login", "login:username": user, "login:password": "Demo@2026",
                                   "login:signIn": "", "jakarta.faces.ViewState": vs}).encode()
    t = time.perf_counter()
    with o.open(base + "/login.xhtml", data=data, timeout=120) as r:
        body = r.read().decode("utf-8", "replace")
    if timed is not None:
        timed.append((time.perf_counter() - t) * 1000)
    if 'id="user-name"' not in body:
        raise SystemExit("sign-in failed for " + user)
    return o


WARM_REQUESTS = int(os.environ.get("BENCH_SINGLE_WARM_REQUESTS", "1000"))
WARM_SECONDS = float(os.environ.get("BENCH_SINGLE_WARM_SECONDS", "90"))


def view(o, name, path, expected):
    t = time.perf_counter()
    status, body = get(o, path)
    took = (time.perf_counter() - t) * 1000
    if status != (404 if "certificate-check" in path else 200) or expected not in body:
        raise SystemExit(f"{name}: unexpected answer (status {status})")
    return took


def measure(o, name, path, expected, results):
    started = time.perf_counter()
    first = [view(o, name, path, expected) for _ in range(n)]
    views = n
    while views < WARM_REQUESTS and time.perf_counter() - started < WARM_SECONDS:
        view(o, name, path, expected)
        views += 1
    results[name] = figures([view(o, name, path, expected) for _ in range(n)], first, views)


def figures(times, first, views):
    """The measured times' median and p95, the first views' median, and how many views came before measuring."""
    times = sorted(times)
    return {"n": len(times), "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[max(0, int(0.95 * len(times) + 0.5) - 1)], 1),
            "first_median_ms": round(statistics.median(first), 1), "warm_requests": views}


results = {}
province = sign_in("bench.tinh%02d" % users)
coordinator = sign_in("bench.xa%02d" % users)
_, roster = get(province, "/people/roster.xhtml")
cadre = re.search(r"cadre\.xhtml\?id=(\d+)", roster).group(1)
measure(province, "static file", "/resources/css/app.css", "{", results)
measure(province, "trivial Faces page", "/certificate-check.xhtml", "verify-not-found", results)
measure(province, "home", "/index.xhtml", 'id="user-name"', results)
measure(province, "dashboard (province)", "/reports/dashboard.xhtml", 'id="headline"', results)
measure(coordinator, "dashboard (commune)", "/reports/dashboard.xhtml", 'id="headline"', results)
measure(province, "roster page", "/people/roster.xhtml", "roster:table", results)
measure(province, "cadre record", "/people/cadre.xhtml?id=" + cadre, "id=\"summary-code\"", results)
measure(province, "catalog page", "/catalog/courses.xhtml", "courses:table", results)
# sign-in alone: mostly the password hash's time (Argon2id, 7 MiB, 5 passes; a hash of an older setting, as in bench
# data generated before it, is replaced at the account's first sign-in); n sign-ins, then n measured, each in a new
# session
first, signed = [], []
for _ in range(n):
    sign_in("bench.cb%02d" % users, first)
for _ in range(n):
    sign_in("bench.cb%02d" % users, signed)
results["sign-in"] = figures(signed, first, n)
json.dump(results, sys.stdout, indent=1, ensure_ascii=False)
