#!/usr/bin/env python3
"""Markdown tables from the JSON lines of analytics_bench.py.

    bench/analytics/report.py FILE.jsonl [LABEL...]
"""
import json
import sys

rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
labels = sys.argv[2:] or sorted({r["label"] for r in rows})
rows = [r for r in rows if r["label"] in labels]


def table(title, header, part, cells):
    chosen = [r for r in rows if r["part"] == part]
    if not chosen:
        return
    print(f"\n{title}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for r in chosen:
        print("| " + " | ".join(str(c) for c in cells(r)) + " |")


table("Analyst searches (100-row pages; analyst and admin interleaved)",
      ["population", "search", "rows analyst / admin", "analyst p50 / p95 ms", "admin p50 / p95 ms",
       "analyst / admin (p50)", "load 1m", "UTC"], "search",
      lambda r: [r["label"], r["name"], f'{r["analyst_rows"]} / {r["admin_rows"]}',
                 f'{r["analyst_p50_ms"]} / {r["analyst_p95_ms"]}', f'{r["admin_p50_ms"]} / {r["admin_p95_ms"]}',
                 f'{r["ratio_p50"]}x', r["load1"], r["at"]])
chosen = [r for r in rows if r["part"] in ("export", "fullexport")]
if chosen:
    print("\nBulk `$export` (system level; `export` = the domain's 12 types, `fullexport` = every type)\n")
    print("| population | kind | client | resources | files | MB | kick-off -> manifest s | download s | resources/s end to end | load 1m | UTC |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in chosen:
        print(f'| {r["label"]} | {r["part"]} | {r["name"]} | {r["resources"]} | {r["files"]} | {r["mbytes"]} | '
              f'{r["export_s"]} | {r["download_s"]} | {r["resources_per_s"]} | {r["load1"]} | {r["at"]} |')
table("`ViewDefinition/$run` (ndjson, streamed; medians of analyst and admin runs interleaved)",
      ["population", "view", "rows analyst / admin", "analyst s", "admin s", "analyst rows/s", "admin rows/s",
       "analyst / admin", "load 1m", "UTC"], "run",
      lambda r: [r["label"], r["name"], f'{r["analyst_rows"]} / {r["admin_rows"]}', r["analyst_s"], r["admin_s"],
                 r["analyst_rows_per_s"], r["admin_rows_per_s"], f'{r["ratio"]}x', r["load1"], r["at"]])
table("`$run` of the biggest view (admin)", ["population", "view / format", "rows", "MB", "s", "rows/s", "load 1m", "UTC"],
      "runbig", lambda r: [r["label"], r["name"], r["rows"], r["mbytes"], r["seconds"], r["rows_per_s"], r["load1"], r["at"]])
table("`$viewdefinition-export` of the six views to Parquet (analyst; kick-off -> manifest)",
      ["population", "client", "views", "rows", "s", "rows/s", "load 1m", "UTC"], "vexport",
      lambda r: [r["label"], r["name"], r["views"], r["rows"], r["seconds"], r["rows_per_s"], r["load1"], r["at"]])
table("DuckDB over the export (`POST /api/analytics/sql`, analyst; round trip)",
      ["population", "query", "rows", "median ms", "max ms", "rounds", "load 1m", "UTC"], "duckdb",
      lambda r: [r["label"], r["name"], r["rows"], r["median_ms"], r["max_ms"], r["rounds"], r["load1"], r["at"]])
table("`$evaluate-measure` (summary, period 2025-01-01..2026-12-31)",
      ["population", "measure", "client", "s", "first group's counts", "load 1m", "UTC"], "measure",
      lambda r: [r["label"], r["name"], r["client"], r["seconds"], r.get("first_group", r.get("error")), r["load1"], r["at"]])
