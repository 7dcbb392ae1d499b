#!/usr/bin/env python3
"""Turns one `setup/bench cluster` folder into cluster.md, cluster.json and cluster.svg (standard library only):
the S load on one node on Derby, one node on PostgreSQL and the cluster side by side (p95 at equal load,
throughput at equal p95), and the failover (errors while a node was killed, every acknowledged write looked for
in the database). Usage: bench-compare.py RESULTS_DIR"""
import calendar
import glob
import html
import json
import os
import re
import sys
import time

from benchfiles import read_properties as props

out = sys.argv[1]
CONFIGS = [("derby", "one node, Derby"), ("postgres", "one node, PostgreSQL"), ("cluster", "cluster")]
# the pages whose p95 the S target bounds (150 ms): not the sign-in (its ramp), nor the references
PAGES = ["dashboard (province)", "dashboard (commune)", "catalog page", "catalog search", "roster page",
         "roster search (no diacritics)", "cadre record", "attendance grid (60)", "attendance save (60)", "my catalog",
         "catalog search (cadre)", "class offer", "enrolment request", "enrolment withdraw"]


def gatling(folder):
    """Gatling's statistics table (its HTML report): {request: figures}, and "ALL" for all requests."""
    reports = sorted(glob.glob(os.path.join(folder, "*", "index.html")))
    if not reports:
        return None
    page = open(reports[-1], encoding="utf-8").read()
    rows = {}
    for parent, tr in re.findall(r'<tr( data-parent="[^"]*")?\s*>(.*?)</tr>', page, re.S):
        name = re.search(r'class="ellipsed-name">([^<]*)<', tr)
        if not name:
            continue
        cols = dict(re.findall(r'class="value [a-z]+ col-(\d+)">([^<]*)<', tr))

        def num(c):
            try:
                return float(cols.get(str(c), "-").replace(",", ""))
            except ValueError:
                return 0.0
        key = "ALL" if not parent else html.unescape(name.group(1))
        if parent and 'data-parent="ROOT"' not in parent:
            continue
        rows[key] = {"count": int(num(2)), "ko": int(num(4)), "rps": num(6), "p50": num(8), "p95": num(10),
                     "p99": num(11), "max": num(12)}
    return rows


run = props(os.path.join(out, "run.properties"))
think = int(run.get("think_ms", "1000"))
steps = [think] + [int(t) for t in run.get("think_steps", "").split()]
target = float(run.get("equal_p95_ms", "150"))
users = int(run.get("users_per_role", "5")) * 4

loads = {}
for key, _ in CONFIGS:
    for t in steps:
        rows = gatling(os.path.join(out, key, f"think{t}"))
        if rows is None:
            sys.exit(f"No Gatling report for {key} at think time {t} ms: the load did not run (see {out}/{key})")
        pages = [rows[p]["p95"] for p in PAGES if p in rows]
        worst = max(pages) if pages else 0
        worst_name = next((p for p in PAGES if p in rows and rows[p]["p95"] == worst), "–")
        errors = sum(r["ko"] for k, r in rows.items() if k != "ALL")
        loads.setdefault(key, []).append({"think": t, "rps": rows["ALL"]["rps"], "p95": rows["ALL"]["p95"],
                                          "p50": rows["ALL"]["p50"], "worst_page_p95": worst,
                                          "worst_page": worst_name, "errors": errors,
                                          "requests": rows["ALL"]["count"], "rows": rows})


def at_equal_p95(points):
    """Requests per second where the worst page's p95 reaches the target, linearly between the steps around it."""
    pts = sorted(points, key=lambda p: p["rps"])
    if pts[0]["worst_page_p95"] > target:
        return f"< {pts[0]['rps']:.1f}"
    for a, b in zip(pts, pts[1:]):
        if a["worst_page_p95"] <= target < b["worst_page_p95"]:
            f = (target - a["worst_page_p95"]) / (b["worst_page_p95"] - a["worst_page_p95"])
            return f"{a['rps'] + f * (b['rps'] - a['rps']):.1f}"
    return f"≥ {pts[-1]['rps']:.1f} (not reached)"


lines = [f"## {run.get('size', '?')} on one node (Derby), one node (PostgreSQL) and a cluster: {run.get('date', '')}\n",
         f"Machine: {run.get('cpu', '?')}, {run.get('cores', '?')} cores, {run.get('memory', '?')}; "
         f"{run.get('java', '')}; {run.get('postgres', '')}. Commit {run.get('commit', '?')}. The server side (the "
         f"node or nodes, PostgreSQL, HAProxy) on one core, Gatling on the other; cluster of {run.get('nodes', '2')} "
         f"nodes. Load average before {run.get('load.before', '?')}, after {run.get('load.after', '?')}.\n"]

# ---- p95 at equal load ----
lines.append(f"### p95 at equal load: {users} users, think time {think} ms, {run.get('duration', '?')} s\n")
lines.append("| operation | " + " | ".join(f"{label} p50 / p95 ms" for _, label in CONFIGS) + " |")
lines.append("|---|" + "---:|" * len(CONFIGS))
first = {key: loads[key][0]["rows"] for key, _ in CONFIGS}
for name in ["sign-in"] + PAGES + ["static file", "trivial Faces page"]:
    if all(name in first[key] for key, _ in CONFIGS):
        lines.append(f"| {name} | " + " | ".join(
            f"{first[key][name]['p50']:.0f} / {first[key][name]['p95']:.0f}"
            + (f" ({first[key][name]['ko']} errors)" if first[key][name]["ko"] else "") for key, _ in CONFIGS) + " |")
lines.append("| **all requests** | " + " | ".join(
    f"**{first[key]['ALL']['p50']:.0f} / {first[key]['ALL']['p95']:.0f}** ({first[key]['ALL']['rps']:.1f} req/s, "
    f"{loads[key][0]['errors']} errors)" for key, _ in CONFIGS) + " |")
lines.append("")

# ---- throughput at equal p95 ----
lines.append(f"### Throughput at equal p95: {users} users, shorter think times; the worst page's p95 against the "
             f"{target:.0f} ms target\n")
lines.append("| think time | " + " | ".join(f"{label}: req/s, worst page p95" for _, label in CONFIGS) + " |")
lines.append("|---:|" + "---:|" * len(CONFIGS))
for i, t in enumerate(steps):
    lines.append(f"| {t} ms | " + " | ".join(
        f"{loads[key][i]['rps']:.1f}, {loads[key][i]['worst_page_p95']:.0f} ms ({loads[key][i]['worst_page']})"
        + (f", {loads[key][i]['errors']} errors" if loads[key][i]["errors"] else "") for key, _ in CONFIGS) + " |")
equal = {key: at_equal_p95(loads[key]) for key, _ in CONFIGS}
lines.append(f"| **req/s at p95 = {target:.0f} ms** | " + " | ".join(f"**{equal[key]}**" for key, _ in CONFIGS) + " |")
lines.append("")

# ---- the failover ----
fo = os.path.join(out, "failover")
failover = {}
fo_rows = gatling(os.path.join(fo, "gatling"))
if fo_rows is None:
    sys.exit(f"No Gatling report for the failover: the load did not run (see {fo})")
killed_at = int(open(os.path.join(fo, "killed_at_ms")).read().strip())

# every write the load sent, in order, per user; acknowledged when its "ok" line follows
writes = {}
for line in open(os.path.join(fo, "writes.log"), encoding="utf-8"):
    m = re.match(r"BENCH_WRITE (sent|ok) (\w+) (.*) at=(\d+)", line.strip())
    if not m:
        continue
    state, kind, rest, at = m.groups()
    fields = dict(kv.split("=", 1) for kv in rest.split())
    seq = writes.setdefault((kind, fields["user"]), [])
    if state == "sent":
        seq.append(dict(fields, kind=kind, sent=int(at), ok=False))
    elif seq:
        seq[-1]["ok"] = True

db_marks = {}
for line in open(os.path.join(fo, "db-attendance.tsv"), encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) == 3:
        db_marks.setdefault(f[0], []).append((f[1], int(f[2])))
db_enrol = {}
for line in open(os.path.join(fo, "db-enrolment.tsv"), encoding="utf-8"):
    f = line.rstrip("\n").split("\t")
    if len(f) == 3:
        db_enrol.setdefault((f[0], f[1]), []).append(f[2])

acked = sum(1 for seq in writes.values() for w in seq if w["ok"])
unacked = [w for seq in writes.values() for w in seq if not w["ok"]]
lost, checked, in_doubt, partial = [], 0, 0, []
for (kind, user), seq in writes.items():
    if kind == "attendance":
        # the grid's notes carry the round of the save that wrote them: the database must hold the last
        # acknowledged save, or a later one whose answer was lost, on every row
        by_session = {}
        for w in seq:
            by_session.setdefault(w["session"], []).append(w)
        for session, ws in by_session.items():
            notes = db_marks.get(session, [])
            last_ok = max((int(w["round"]) for w in ws if w["ok"]), default=None)
            if last_ok is None:
                continue
            checked += 1
            if len(notes) != 1 or notes[0][1] != int(ws[-1]["rows"]):
                partial.append(f"session {session}: {notes}")
                continue
            db_round = int(notes[0][0].split()[-1])
            later = {int(w["round"]) for w in ws if int(w["round"]) > last_ok}
            if db_round != last_ok and db_round not in later:
                lost.append(f"session {session}: acknowledged round {last_ok}, database round {db_round}")
    elif kind == "enrolment":
        last = seq[-1]
        if not last["ok"]:
            in_doubt += 1
            continue
        checked += 1
        active = any(s in ("REQUESTED", "ENROLLED", "WAITLISTED") for s in db_enrol.get((user, last["offer"]), []))
        if active != (last["action"] == "request"):
            lost.append(f"{user} class {last['offer']}: acknowledged {last['action']}, database "
                        f"{db_enrol.get((user, last['offer']))}")

# HAProxy's view: the requests the killed node was answering when it died (the server side aborted them)
def haproxy_ms(stamp):
    t = time.strptime(stamp[:20], "%d/%b/%Y:%H:%M:%S")
    return calendar.timegm(t) * 1000 + int(stamp[21:24]) if time.timezone == 0 else \
        int(time.mktime(t) * 1000) + int(stamp[21:24])


aborted, after_kill = [], {}
hp = os.path.join(fo, "haproxy.log")
if os.path.exists(hp):
    for line in open(hp, encoding="utf-8", errors="replace"):
        m = re.search(r"\[(\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d\.\d{3})\] \S+ \S+/(\S+) (\S+) (-?\d+) \S+ \S+ \S+ (\S{4}) ",
                      line)
        if not m:
            continue
        accepted, node, timers, status, term = m.groups()
        at = haproxy_ms(accepted)
        if at < killed_at - 120_000:
            continue
        if term[0] in "S" or status in ("502", "503", "504"):
            aborted.append({"node": node, "status": status, "term": term, "accepted_ms": at - killed_at,
                            "request": line.rsplit('"', 2)[-2] if line.count('"') >= 2 else ""})
        if at >= killed_at:
            after_kill[node] = after_kill.get(node, 0) + 1

fo_errors = {k: r["ko"] for k, r in fo_rows.items() if k != "ALL" and r["ko"]}
total_errors = sum(fo_errors.values())
# Gatling's own list of what failed (the last "Errors" block of its console): the balancer's 502 is a request the
# dead node was answering; anything else (an expired page, a wrong answer) is not
messages = []
log = open(os.path.join(fo, "gatling.log"), encoding="utf-8", errors="replace").read()
if "---- Errors" in log:
    block = log.rsplit("---- Errors", 1)[1].split("=====", 1)[0]
    messages = [(m.group(1).strip(), int(m.group(2)))
                for m in re.finditer(r"^> (.*?)\s+(\d+)\s+\(\s*[\d.]+%\)\s*$", block, re.M)]
bad_gateway = sum(n for msg, n in messages if re.search(r"found 50[234]", msg))
other = [(msg, n) for msg, n in messages if not re.search(r"found 50[234]", msg)]
redispatched = 0
if os.path.exists(hp):
    for line in open(hp, encoding="utf-8", errors="replace"):
        m = re.search(r"\[(\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d\.\d{3})\] .* \d+/\d+/\d+/\d+/\+\d+ ", line)
        if m and haproxy_ms(m.group(1)) >= killed_at - 5000:
            redispatched += 1
failover = {"killed_at_ms": killed_at, "requests": fo_rows["ALL"]["count"], "errors": fo_errors,
            "messages": messages, "redispatched": redispatched,
            "aborted_by_node_death": aborted, "served_after_kill": after_kill, "writes_acknowledged": acked,
            "writes_unacknowledged": len(unacked), "checked": checked, "in_doubt": in_doubt, "lost": lost,
            "partial": partial}
ok_lost = not lost and not partial
ok_errors = not other and bad_gateway <= len(aborted)
lines.append(f"### Failover: node 1 killed (kill -9) in the middle of the load ({users} users, think time {think} ms, "
             f"{run.get('failover_duration', '?')} s)\n")
lines.append(f"- Requests: {fo_rows['ALL']['count']:,}; failed: **{total_errors}**"
             + (" (" + ", ".join(f"{k}: {v}" for k, v in sorted(fo_errors.items())) + ")" if fo_errors else "")
             + f"; p95 of all requests {fo_rows['ALL']['p95']:.0f} ms.")
lines.append(f"- In flight on the killed node when it died (HAProxy: the server side aborted): **{len(aborted)}**"
             + (" (" + ", ".join(f"{a['request'][:60]} {a['status']} {a['term']}" for a in aborted[:6]) + ")"
                if aborted else "")
             + "; after the kill " + ", ".join(f"{n} served {c}" for n, c in sorted(after_kill.items()))
             + f"; {redispatched} requests sent again to the other node by HAProxy (its node refused the connection).")
lines.append(f"- Errors only for requests in flight on the dead node (target): "
             f"{'**met**' if ok_errors else '**NOT met**'}: {bad_gateway} answered 502 by the balancer (in flight), "
             + (", ".join(f"{n} other: `{msg}`" for msg, n in other) if other else "no other error") + ".")
lines.append(f"- Writes: {acked:,} acknowledged, {len(unacked)} sent without an answer; {checked:,} final states "
             f"checked in PostgreSQL (each trainer's grid: all rows carry the last acknowledged save or a later "
             f"unanswered one; each cadre's last acknowledged request or withdrawal), {in_doubt} left in doubt by an "
             f"unanswered write. Lost acknowledged writes: **{len(lost)}**, partly written saves: **{len(partial)}** "
             f"(target 0): {'**met**' if ok_lost else '**NOT met**'}.")
for x in (lost + partial)[:10]:
    lines.append(f"  - {x}")
lines.append("")

open(os.path.join(out, "cluster.md"), "w", encoding="utf-8").write("\n".join(lines))
json.dump({"run": run, "loads": {k: [{kk: vv for kk, vv in p.items() if kk != "rows"} for p in v]
                                 for k, v in loads.items()},
           "equal_p95": equal, "failover": failover}, open(os.path.join(out, "cluster.json"), "w",
                                                            encoding="utf-8"), indent=1, ensure_ascii=False)

# ---- chart: p95 per page at equal load, the three side by side, with the 150 ms target ----
names = [n for n in PAGES if all(n in first[k] for k, _ in CONFIGS)]
if names:
    colours = {"derby": "#4e79a7", "postgres": "#59a14f", "cluster": "#f28e2b"}
    width, bar, left, top = 900, 7, 230, 50
    height = top + len(names) * (3 * bar + 10) + 40
    scale = max(200.0, max(first[k][n]["p95"] for n in names for k, _ in CONFIGS) * 1.1)
    sx = lambda v: left + (width - left - 60) * min(v, scale) / scale
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
           f'font-size="12">', f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="10" y="20" font-size="14" font-weight="bold">{html.escape(run.get("size", "?"))}: p95 per page, '
           f'{users} users (red: {target:.0f} ms target)</text>']
    for i, (k, label) in enumerate(CONFIGS):
        svg.append(f'<rect x="{left + i * 190}" y="30" width="10" height="10" fill="{colours[k]}"/>'
                   f'<text x="{left + i * 190 + 14}" y="39">{html.escape(label)}</text>')
    for j, n in enumerate(names):
        y = top + j * (3 * bar + 10)
        svg.append(f'<text x="{left - 6}" y="{y + 2 * bar}" text-anchor="end">{html.escape(n)}</text>')
        for i, (k, _) in enumerate(CONFIGS):
            v = first[k][n]["p95"]
            svg.append(f'<rect x="{left}" y="{y + i * bar}" width="{sx(v) - left:.1f}" height="{bar - 1}" '
                       f'fill="{colours[k]}"/><text x="{sx(v) + 3:.1f}" y="{y + i * bar + bar - 1}" '
                       f'font-size="8">{v:.0f}</text>')
    tx = sx(target)
    svg.append(f'<line x1="{tx:.1f}" y1="{top - 5}" x2="{tx:.1f}" y2="{height - 30}" stroke="red" '
               f'stroke-dasharray="4"/>')
    svg.append(f'<text x="{left}" y="{height - 10}">0 ms</text><text x="{width - 60}" y="{height - 10}" '
               f'text-anchor="end">{scale:.0f} ms</text></svg>')
    open(os.path.join(out, "cluster.svg"), "w", encoding="utf-8").write("\n".join(svg))
print(os.path.join(out, "cluster.md"))
print("\n".join(lines))
