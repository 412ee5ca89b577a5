#!/usr/bin/env python3
"""Analytics figures over a loaded population (bench/analytics/population.py).

    bench/analytics/analytics_bench.py URL PART... [--rounds 20] [--label 10k] [--out FILE]

PART is one or more of:
  searches  five typical analyst searches (100-row pages), demo-analyst and demo-admin interleaved
            (warm-up, then ROUNDS rounds of analyst, admin): p50, p95 and analyst/admin ratio
  export    system $export of the domain's types, demo-admin and demo-analyst one after the other
            (kick-off to manifest, then download of every file): resources/s
  fullexport  system $export without _type as demo-admin (every type; the memory proof)
  run       ViewDefinition/$run (ndjson, streamed) of the six shipped views as demo-analyst and
            demo-admin interleaved: rows/s
  runbig    $run of the biggest view as ndjson and csv, as demo-admin (the memory proof)
  vexport   $viewdefinition-export (parquet) of the six views as demo-analyst, then typical
            DuckDB queries through /api/analytics/sql: seconds per query
  measures  $evaluate-measure (summary) of every Measure on the server as demo-admin and
            demo-analyst: seconds per measure

Every figure is printed with the 1-minute load average when it was taken, and appended as one
JSON line to --out (default /tmp/continuum-analytics-bench.jsonl).
"""
import argparse
import base64
import json
import os
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

VIEWS = ["recovery_capital_scores", "referrals", "referral_tasks", "release_handoffs",
         "release_handoff_referrals", "consents"]
TYPES = ("Patient,Condition,Consent,QuestionnaireResponse,Observation,Provenance,ServiceRequest,Task,"
         "Encounter,Composition,MedicationStatement,MedicationRequest")
SEARCHES = {
    "SUD conditions": "/fhir/Condition?code=http://hl7.org/fhir/sid/icd-10-cm|F11.20&_count=100",
    "BARC-10 totals since 2026": "/fhir/Observation?score-type=barc-10-total&date=ge2026-01-01&_count=100",
    "MOUD referrals": "/fhir/ServiceRequest?referral-category=moud-continuation&_count=100",
    "completed referral Tasks of a partner": "/fhir/Task?partner=Organization/demo-housing&status=completed&_count=100",
    "handoffs with release 2025-H2": "/fhir/Composition?type=http://loinc.org|18761-7&date=ge2025-07-01&date=lt2026-01-01&_count=100",
}
CLIENTS = ["demo-analyst", "demo-admin"]


def load():
    return os.getloadavg()[0]


class Client:
    def __init__(self, base, name):
        self.base, self.name, self.at, self.tok = base, name, 0, None

    def token(self):
        if time.time() - self.at > 240:
            req = urllib.request.Request(self.base + "/oauth2/token", data=b"grant_type=client_credentials",
                headers={"Authorization": "Basic " + base64.b64encode(f"{self.name}:{self.name}-secret".encode()).decode(),
                         "Content-Type": "application/x-www-form-urlencoded"})
            self.tok, self.at = json.load(urllib.request.urlopen(req))["access_token"], time.time()
        return self.tok

    def request(self, method, path, body=None, headers=None, content_type="application/fhir+json"):
        url = path if path.startswith("http") else self.base + path
        data = body.encode() if isinstance(body, str) else body
        h = {"Authorization": "Bearer " + self.token(), "Accept": "application/fhir+json"}
        if data is not None:
            h["Content-Type"] = content_type
        h.update(headers or {})
        return urllib.request.urlopen(urllib.request.Request(url, data=data, method=method, headers=h), timeout=3600)

    def json(self, method, path, body=None, **kw):
        with self.request(method, path, body, **kw) as resp:
            return json.load(resp)


class Results:
    def __init__(self, out, label):
        self.out, self.label = out, label

    def add(self, part, name, **figures):
        row = {"label": self.label, "part": part, "name": name, "load1": round(load(), 1),
               "at": time.strftime("%H:%M:%S", time.gmtime()), **figures}
        with open(self.out, "a") as f:
            f.write(json.dumps(row) + "\n")
        print("  " + " ".join(f"{k}={v}" for k, v in row.items()), flush=True)


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p * (len(values) - 1))))]


def searches(clients, res, rounds):
    for name, path in SEARCHES.items():
        for _ in range(3):
            for c in clients.values():
                c.json("GET", path)
        times = {n: [] for n in clients}
        rows = {}
        for _ in range(rounds):
            for n, c in clients.items():
                t = time.perf_counter()
                bundle = c.json("GET", path)
                times[n].append((time.perf_counter() - t) * 1000)
                rows[n] = len(bundle.get("entry", []))
        a, d = times["demo-analyst"], times["demo-admin"]
        res.add("search", name, rounds=rounds, analyst_rows=rows["demo-analyst"], admin_rows=rows["demo-admin"],
                analyst_p50_ms=round(statistics.median(a)), analyst_p95_ms=round(pct(a, 0.95)),
                admin_p50_ms=round(statistics.median(d)), admin_p95_ms=round(pct(d, 0.95)),
                ratio_p50=round(statistics.median(a) / statistics.median(d), 2))


def poll(client, status, limit=7200):
    started = time.time()
    while time.time() - started < limit:
        with client.request("GET", status) as resp:
            if resp.status == 200:
                raw = resp.read()
                return json.loads(raw) if raw else {}
            wait = float(resp.headers.get("Retry-After") or 2)
        time.sleep(min(max(wait, 1), 5))
    raise SystemExit("export did not complete in time: " + status)


def bulk_export(client, res, types, part):
    t0 = time.time()
    path = "/fhir/$export" + ("?_type=" + types if types else "")
    with client.request("GET", path, headers={"Prefer": "respond-async"}) as resp:
        status = resp.headers["Content-Location"]
    manifest = poll(client, status)
    t1 = time.time()
    count, size = 0, 0
    for output in manifest.get("output", []):
        with client.request("GET", output["url"], headers={"Accept": "application/fhir+ndjson"}) as resp:
            while True:
                chunk = resp.read(1 << 20)
                if not chunk:
                    break
                size += len(chunk)
                count += chunk.count(b"\n")
    t2 = time.time()
    res.add(part, client.name, resources=count, files=len(manifest.get("output", [])), mbytes=round(size / 1e6, 1),
            export_s=round(t1 - t0, 1), download_s=round(t2 - t1, 1),
            resources_per_s=round(count / (t2 - t0)), export_only_per_s=round(count / (t1 - t0)))


def run_view(client, view, fmt):
    t = time.time()
    rows, size = 0, 0
    with client.request("GET", f"/fhir/ViewDefinition/view-{view.replace('_', '-')}/$run?_format={fmt}",
                        headers={"Accept": "*/*"}) as resp:
        while True:
            chunk = resp.read(1 << 20)
            if not chunk:
                break
            size += len(chunk)
            rows += chunk.count(b"\n")
    return time.time() - t, rows, size


def runs(clients, res, rounds):
    for view in VIEWS:
        secs = {n: [] for n in clients}
        rows = {}
        for _ in range(rounds):
            for n, c in clients.items():
                s, r, _ = run_view(c, view, "ndjson")
                secs[n].append(s)
                rows[n] = r
        a, d = statistics.median(secs["demo-analyst"]), statistics.median(secs["demo-admin"])
        res.add("run", view, rounds=rounds, analyst_rows=rows["demo-analyst"], admin_rows=rows["demo-admin"],
                analyst_s=round(a, 2), admin_s=round(d, 2),
                analyst_rows_per_s=round(rows["demo-analyst"] / a), admin_rows_per_s=round(rows["demo-admin"] / d),
                ratio=round(a / d, 2))


def run_big(client, res):
    sizes = {}
    for view in VIEWS:
        sizes[view] = run_view(client, view, "ndjson")[1]
    big = max(sizes, key=sizes.get)
    for fmt in ["ndjson", "csv"]:
        s, r, size = run_view(client, big, fmt)
        res.add("runbig", f"{big} {fmt}", rows=r, mbytes=round(size / 1e6, 1), seconds=round(s, 1),
                rows_per_s=round(r / s))


def view_export(client, res):
    params = [{"name": "view", "part": [{"name": "name", "valueString": v},
                                        {"name": "viewReference", "valueReference": {"reference": f"ViewDefinition/view-{v.replace('_', '-')}"}}]}
              for v in VIEWS] + [{"name": "_format", "valueCode": "parquet"}]
    t0 = time.time()
    with client.request("POST", "/fhir/ViewDefinition/$viewdefinition-export",
                        json.dumps({"resourceType": "Parameters", "parameter": params}),
                        headers={"Prefer": "respond-async"}) as resp:
        status = resp.headers["Content-Location"]
    manifest = poll(client, status)
    t1 = time.time()
    rows = sum(int(o.get("count", 0)) for o in manifest.get("output", []))
    res.add("vexport", client.name, views=len(manifest.get("output", [])), rows=rows, seconds=round(t1 - t0, 1),
            rows_per_s=round(rows / (t1 - t0)))
    return manifest


SQL = {
    "count every view": " UNION ALL ".join(f"SELECT '{v}' AS v, count(*) AS n FROM {v}" for v in VIEWS),
    "BARC-10 mean per person (scores)": "SELECT count(*), avg(m) FROM (SELECT person, avg(score) AS m FROM recovery_capital_scores WHERE is_total GROUP BY person)",
    "referral closure by category (referrals x tasks)": "SELECT r.category, count(*) AS sent, sum(CASE WHEN t.completed THEN 1 ELSE 0 END) AS completed FROM referrals r JOIN referral_tasks t ON t.referral = r.id GROUP BY r.category ORDER BY sent DESC",
    "handoffs with an accepted treatment referral (3-way join)": "SELECT h.release_type, count(DISTINCT h.id) FROM release_handoffs h JOIN release_handoff_referrals hr ON hr.handoff = h.id JOIN referral_tasks t ON t.referral = hr.referral WHERE t.accepted GROUP BY h.release_type",
    "people with consent per recipient": "SELECT recipients, count(DISTINCT person) FROM consents GROUP BY recipients",
}


def duckdb(client, res, rounds):
    for name, sql in SQL.items():
        secs = []
        out = None
        for _ in range(rounds):
            t = time.time()
            with client.request("POST", "/api/analytics/sql", json.dumps({"sql": sql, "limit": 1000}),
                                content_type="application/json", headers={"Accept": "application/json"}) as resp:
                out = json.load(resp)
            secs.append(time.time() - t)
        res.add("duckdb", name, rounds=rounds, rows=len(out.get("rows", [])), median_ms=round(statistics.median(secs) * 1000),
                max_ms=round(max(secs) * 1000))


def measures(clients, res, period):
    ids = []
    bundle = clients["demo-admin"].json("GET", "/fhir/Measure?_count=100&_elements=id")
    for e in bundle.get("entry", []):
        ids.append(e["resource"]["id"])
    start, end = period.split("/")
    for mid in sorted(ids):
        for n, c in clients.items():
            t = time.time()
            try:
                report = c.json("GET", f"/fhir/Measure/{mid}/$evaluate-measure?periodStart={start}&periodEnd={end}")
            except urllib.error.HTTPError as e:
                res.add("measure", mid, client=n, error=f"HTTP {e.code}", seconds=round(time.time() - t, 2))
                continue
            s = time.time() - t
            pops = {}
            for g in report.get("group", [])[:1]:
                for p in g.get("population", []):
                    pops[p["code"]["coding"][0]["code"]] = p.get("count")
            res.add("measure", mid, client=n, seconds=round(s, 2), first_group=json.dumps(pops))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("parts", nargs="+")
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--label", default="")
    ap.add_argument("--period", default="2025-01-01/2026-12-31")
    ap.add_argument("--out", default="/tmp/continuum-analytics-bench.jsonl")
    a = ap.parse_args()
    base = a.url.rstrip("/")
    clients = {n: Client(base, n) for n in CLIENTS}
    res = Results(a.out, a.label)
    for part in a.parts:
        print(f"{part} ({a.label}, load {load():.1f})", flush=True)
        if part == "searches":
            searches(clients, res, a.rounds)
        elif part == "export":
            for n in ["demo-admin", "demo-analyst"]:
                bulk_export(clients[n], res, TYPES, "export")
        elif part == "fullexport":
            bulk_export(clients["demo-admin"], res, None, "fullexport")
        elif part == "run":
            runs(clients, res, max(1, a.rounds // 10))
        elif part == "runbig":
            run_big(clients["demo-admin"], res)
        elif part == "vexport":
            view_export(clients["demo-analyst"], res)
            duckdb(clients["demo-analyst"], res, max(3, a.rounds // 4))
        elif part == "measures":
            measures(clients, res, a.period)
        else:
            raise SystemExit("unknown part " + part)


if __name__ == "__main__":
    main()
