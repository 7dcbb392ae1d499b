#!/usr/bin/env python3
"""Turns one `setup/bench run` folder into report.md, summary.json and chart.svg (standard library only).
Usage: bench-report.py RESULTS_DIR"""
import glob
import html
import json
import os
import re
import sys

from benchfiles import read_properties

out = sys.argv[1]


def props(name):
    return read_properties(os.path.join(out, name))


run = props("run.properties")
raw = props("raw.properties")
bench = {}
if os.path.exists(os.path.join(out, "gatling.log")):
    for m in re.finditer(r"BENCH (\w+)=(\S+)", open(os.path.join(out, "gatling.log"), encoding="utf-8").read()):
        bench[m.group(1)] = m.group(2)

# ---- Gatling's statistics table (simulation.log is binary since 3.12: read the HTML report) ----
rows = {}
reports = sorted(glob.glob(os.path.join(out, "gatling", "*", "index.html")))
if reports:
    page = open(reports[-1], encoding="utf-8").read()
    for tr in re.findall(r'<tr data-parent="([^"]*)">(.*?)</tr>', page, re.S):
        name = re.search(r'class="ellipsed-name">([^<]*)<', tr[1])
        if not name:
            continue
        cols = dict(re.findall(r'class="value [a-z]+ col-(\d+)">([^<]*)<', tr[1]))

        def num(c):
            v = cols.get(str(c), "-").replace(",", "")
            try:
                return float(v)
            except ValueError:
                return 0.0
        rows[html.unescape(name.group(1))] = {"count": int(num(2)), "ok": int(num(3)), "ko": int(num(4)),
                                              "rps": num(6), "min": num(7), "p50": num(8), "p75": num(9),
                                              "p95": num(10), "p99": num(11), "max": num(12), "mean": num(13),
                                              "group": tr[0] != "ROOT"}

# ---- the soak (setup/bench soak): errors, the heap after a full GC at the first minute and at the end, p95 ----
if run.get("mode") == "soak":
    first, end = int(run.get("heap_first_minute_mb", "0")), int(run.get("heap_end_mb", "0"))
    growth = (end - first) / first if first else float("nan")
    errors = sum(r["ko"] for r in rows.values() if not r["group"])
    users = int(run.get("users_per_role", "10")) * int(run.get("roles", "5"))
    out_lines = [f"## Soak at {run.get('size', '?')}: {run.get('date', '')}\n",
                 f"{users} virtual users ({run.get('users_per_role')} per role: province, commune, trainer, cadre, "
                 f"administrator) for {run.get('duration')} s after a 20-second ramp, think time "
                 f"{run.get('think_ms')} ms on average; commit {run.get('commit', '?')}; load average before "
                 f"{run.get('load.before', '?')}, after {run.get('load.after', '?')}.\n",
                 f"- Errors: **{errors}** of {sum(r['count'] for r in rows.values() if not r['group']):,} requests "
                 f"(target 0): {'met' if errors == 0 else 'NOT met'}.",
                 f"- Heap used after a full GC: {first} MB after the first minute, {end} MB at the end: "
                 f"{growth:+.1%} (target: at most 10% more, no leak): {'met' if growth <= 0.10 else 'NOT met'}.\n",
                 "| request | count | errors | median ms | p95 ms | p99 ms | max ms |", "|---|---:|---:|---:|---:|---:|---:|"]
    for name, r in sorted(rows.items()):
        if not r["group"]:
            out_lines.append(f"| {name} | {r['count']:,} | {r['ko']} | {r['p50']:.0f} | {r['p95']:.0f} | "
                             f"{r['p99']:.0f} | {r['max']:.0f} |")
    open(os.path.join(out, "soak.md"), "w", encoding="utf-8").write("\n".join(out_lines) + "\n")
    json.dump({"run": run, "errors": errors, "heap_growth": growth, "requests": rows},
              open(os.path.join(out, "summary.json"), "w", encoding="utf-8"), indent=1, ensure_ascii=False)
    print(os.path.join(out, "soak.md"))
    sys.exit(0)

# ---- SQL statements per request, as the server counted them ----
def sql(name):
    stats = {}
    path = os.path.join(out, name)
    if os.path.exists(path):
        for line in open(path, encoding="utf-8").read().splitlines()[1:]:
            f = line.split("\t")
            if len(f) == 6:
                stats[f[0]] = {"requests": int(f[1]), "mean": float(f[3]), "min": int(f[4]), "max": int(f[5])}
    return stats


stats = sql("sql-stats.tsv")
SQL_KEY = {
    "sign-in": "POST /login.xhtml",
    "dashboard (province)": "GET /reports/dashboard.xhtml",
    "dashboard (commune)": "GET /reports/dashboard.xhtml",
    "catalog page": "GET /catalog/courses.xhtml",
    "catalog search": "POST /catalog/courses.xhtml +ajax",
    "roster page": "GET /people/roster.xhtml",
    "roster search (no diacritics)": "POST /people/roster.xhtml +ajax",
    "cadre record": "GET /people/cadre.xhtml",
    "attendance grid (60)": "GET /teach/session.xhtml",
    "attendance save (60)": "POST /teach/session.xhtml +ajax",
    "my catalog": "GET /me/catalog.xhtml",
    "catalog search (cadre)": "POST /me/catalog.xhtml +ajax",
    "class offer": "GET /me/offer.xhtml",
    "enrolment request": "POST /me/offer.xhtml +ajax",
    "enrolment withdraw": "POST /me/offer.xhtml +ajax",
    "static file": "GET (resources)",
    "trivial Faces page": "GET /certificate-check.xhtml",
    "roster export (csv, all)": "POST /people/roster.xhtml",
}
single = {}
if os.path.exists(os.path.join(out, "single.json")):
    try:
        single = json.load(open(os.path.join(out, "single.json"), encoding="utf-8"))
    except ValueError:
        single = {}
single_sql = sql("sql-stats-single.tsv")


def heap(name):
    path = os.path.join(out, name)
    if not os.path.exists(path):
        return None
    # G1 prints one "heap total …, used …" line; the serial collector (a JVM pinned to one core) one per generation
    text = open(path).read()
    found = re.findall(r"(?:heap|generation)\s+total (\d+)K, used (\d+)K", text)
    if not found:
        return None
    return {"total_mb": round(sum(int(t) for t, _ in found) / 1024), "used_mb": round(sum(int(u) for _, u in found) / 1024)}


server_import = None
if os.path.exists(os.path.join(out, "server.log")):
    m = re.findall(r"Import \S+ \(bench-import\.csv\): (\d+) rows in (\d+) ms \((\d+) rows/s\)",
                   open(os.path.join(out, "server.log"), encoding="utf-8", errors="replace").read())
    if m:
        # the last import is the second of the run (the one on a server that has imported before); the first's too
        server_import = {"rows": int(m[-1][0]), "ms": int(m[-1][1]), "rows_per_s": int(m[-1][2]),
                         "first_rows_per_s": int(m[0][2]) if len(m) > 1 else None}

LOAD = ["sign-in", "dashboard (province)", "dashboard (commune)", "catalog page", "catalog search", "roster page",
        "roster search (no diacritics)", "cadre record", "attendance grid (60)", "attendance save (60)", "my catalog",
        "catalog search (cadre)", "class offer", "enrolment request", "enrolment withdraw", "static file",
        "trivial Faces page"]
static = rows.get("static file", {}).get("p50") or 0
trivial = rows.get("trivial Faces page", {}).get("p50") or 0
summary = {"run": run, "raw": raw, "bench": bench, "operations": {}, "single": single,
           "heap_after_run": heap("heap-after-run.txt"), "heap_after_gc": heap("heap-after-gc.txt"),
           "server_import": server_import}
lines = []
size = run.get("size", "?")
lines.append(f"## {size}: {run.get('date', '')}\n")
lines.append(f"Machine: {run.get('cpu', '?')}, {run.get('cores', '?')} cores, {run.get('memory', '?')}; "
             f"{run.get('java', '')}. Commit {run.get('commit', '?')}. Load average before the raw SQL "
             f"{run.get('load.raw', '?')}, before the load {run.get('load.run', '?')}, after {run.get('load.after', '?')}.\n")
lines.append(f"Load: {int(run.get('users_per_role', '5')) * 4} virtual users ({run.get('users_per_role', '5')} per role) for "
             f"{run.get('duration', '?')} s after a ramp, think time {run.get('think_ms', '?')} ms on average; "
             f"start to first page {run.get('start_to_first_page_ms', '?')} ms on every core"
             f" ({run.get('start_to_first_page_one_core_ms', '?')} ms on the server's one core).\n")
lines.append("| operation | requests | errors | median ms | p95 ms | p99 ms | req/s | SQL/request (min–max) | p50 ÷ static | p50 ÷ trivial Faces |")
lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for name in LOAD:
    r = rows.get(name)
    if not r:
        continue
    s = stats.get(SQL_KEY.get(name, ""), None)
    sqltext = f"{s['mean']:.1f} ({s['min']}–{s['max']})" if s else "–"
    ratio_s = f"{r['p50'] / static:.1f}×" if static else "–"
    ratio_t = f"{r['p50'] / trivial:.1f}×" if trivial else "–"
    summary["operations"][name] = dict(r, sql=s)
    lines.append(f"| {name} | {r['count']} | {r['ko']} | {r['p50']:.0f} | {r['p95']:.0f} | {r['p99']:.0f} | "
                 f"{r['rps']:.2f} | {sqltext} | {ratio_s} | {ratio_t} |")
lines.append("")
exp = rows.get("roster export (csv, all)")
if exp:
    rws = int(bench.get("export_rows", "0"))
    lines.append(f"Export of the whole roster as CSV, alone: {rws:,} rows in {exp['p50']:.0f} ms "
                 f"({rws * 1000 / max(1, exp['p50']):,.0f} rows/s); SQL statements: "
                 f"{stats.get('POST /people/roster.xhtml', {}).get('mean', '–')}.\n")
if "import_ms" in bench:
    raw_rate = [int(v) for k, v in raw.items() if k.startswith("insert.rowsPerSecond")]
    raw_best = max(raw_rate) if raw_rate else 0
    lines.append(f"Import of {int(bench.get('import_inserted', '0') or 0):,} new cadres (.csv), alone, on a server that "
                 f"has imported before: {int(bench['import_ms']):,} ms from upload to result on screen = "
                 f"{bench['import_rows_per_s']} rows/s"
                 + (f"; the writing transaction alone (server log): {server_import['rows_per_s']} rows/s"
                    if server_import else "")
                 + (f"; raw batched JDBC inserts of the same rows (cadre, position, 4 search words; 500 per batch; "
                    f"best of three in one JVM): {raw_best:,} rows/s" if raw_best else "") + ".\n")
    if "import_first_ms" in bench:
        lines.append(f"The server's first import (just before, other cadres): {int(bench['import_first_ms']):,} ms "
                     f"from upload to result = {bench['import_first_rows_per_s']} rows/s"
                     + (f"; writing transaction {server_import['first_rows_per_s']} rows/s"
                        if server_import and server_import.get("first_rows_per_s") else "") + ".\n")
if single:
    first = next(iter(single.values()))
    warm_views = os.environ.get("BENCH_SINGLE_WARM_REQUESTS", "1000")
    warm_seconds = os.environ.get("BENCH_SINGLE_WARM_SECONDS", "90")
    lines.append(f"One user alone: {first['n']} requests per page, measured once the page has been served steadily "
                 f"(after its first views, whose median is shown too, up to {warm_views} views or "
                 f"{warm_seconds} s), against the raw SQL of the dashboard "
                 "(server stopped, same data, same statements, one core, warmed the same way: its first runs' median "
                 "shown too):\n")
    lines.append("| page | median ms | p95 ms | ÷ static | ÷ trivial Faces | raw SQL median ms | ÷ raw SQL "
                 "| first views' median ms | views before measuring | raw SQL first runs' median ms |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    st = single.get("static file", {}).get("median_ms") or 0
    tr = single.get("trivial Faces page", {}).get("median_ms") or 0
    for name, v in single.items():
        rawkey = {"dashboard (province)": "dashboard.province.median.ms",
                  "dashboard (commune)": "dashboard.commune.median.ms"}.get(name)
        rawms = float(raw[rawkey]) if rawkey and rawkey in raw else None
        rawfirst = raw.get(rawkey.replace(".median.", ".first.median."), "–") if rawkey else "–"
        lines.append(f"| {name} | {v['median_ms']} | {v['p95_ms']} | "
                     f"{(v['median_ms'] / st) if st else 0:.1f}× | {(v['median_ms'] / tr) if tr else 0:.1f}× | "
                     f"{rawms if rawms is not None else '–'} | "
                     f"{(str(round(v['median_ms'] / rawms, 2)) + '×') if rawms else '–'} | "
                     f"{v.get('first_median_ms', '–')} | {v.get('warm_requests', '–')} | {rawfirst} |")
    lines.append("")
h1, h2 = summary["heap_after_run"], summary["heap_after_gc"]
if h1:
    lines.append(f"Heap after the run: {h1['used_mb']} MB used of {h1['total_mb']} MB; after a full GC: "
                 f"{h2['used_mb'] if h2 else '?'} MB (`jcmd GC.heap_info`).\n")
open(os.path.join(out, "report.md"), "w", encoding="utf-8").write("\n".join(lines))
json.dump(summary, open(os.path.join(out, "summary.json"), "w", encoding="utf-8"), indent=1, ensure_ascii=False)

# ---- chart: p50 and p95 per operation, with the 150 ms target ----
names = [n for n in LOAD if n in rows]
if names:
    width, bar, left = 900, 22, 230
    top = 40
    height = top + len(names) * (bar + 8) + 40
    scale_max = max(200.0, max(rows[n]["p95"] for n in names) * 1.1)
    sx = lambda v: left + (width - left - 30) * min(v, scale_max) / scale_max
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
           f'font-size="12">', f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="10" y="20" font-size="14" font-weight="bold">{html.escape(size)}: response time per operation, '
           f'{int(run.get("users_per_role", "5")) * 4} users (bar: median; line end: p95; red: 150 ms target)</text>']
    for i, n in enumerate(names):
        y = top + i * (bar + 8)
        r = rows[n]
        svg.append(f'<text x="{left - 6}" y="{y + bar * 0.7}" text-anchor="end">{html.escape(n)}</text>')
        svg.append(f'<rect x="{left}" y="{y}" width="{sx(r["p50"]) - left:.1f}" height="{bar}" fill="#4e79a7"/>')
        svg.append(f'<line x1="{sx(r["p50"]):.1f}" y1="{y + bar / 2}" x2="{sx(r["p95"]):.1f}" y2="{y + bar / 2}" '
                   f'stroke="#f28e2b" stroke-width="3"/>')
        svg.append(f'<text x="{sx(r["p95"]) + 4:.1f}" y="{y + bar * 0.7}">{r["p50"]:.0f} / {r["p95"]:.0f} ms'
                   + (f' ({r["ko"]} errors)' if r["ko"] else "") + '</text>')
    tx = sx(150)
    svg.append(f'<line x1="{tx:.1f}" y1="{top - 5}" x2="{tx:.1f}" y2="{height - 30}" stroke="red" stroke-dasharray="4"/>')
    svg.append(f'<text x="{left}" y="{height - 10}">0 ms</text><text x="{width - 30}" y="{height - 10}" '
               f'text-anchor="end">{scale_max:.0f} ms</text></svg>')
    open(os.path.join(out, "chart.svg"), "w", encoding="utf-8").write("\n".join(svg))
print(os.path.join(out, "report.md"))
