#!/usr/bin/env python3
"""Per-request figures of Gatling runs (Gatling 3.15 keeps them only in its HTML pages).
usage: bench/report.py [RUN_DIR ...]   (default: the newest run of each simulation under bench/target/gatling)"""
import glob, os, re, sys

def runs(args):
    if args:
        return args
    newest = {}
    for d in sorted(glob.glob(os.path.join(os.path.dirname(__file__), 'target', 'gatling', '*-*'))):
        newest[os.path.basename(d).rsplit('-', 1)[0]] = d
    return list(newest.values())

for run in runs(sys.argv[1:]):
    print(os.path.basename(os.path.normpath(run)))
    for page in sorted(glob.glob(os.path.join(run, 'req_*.html'))):
        text = open(page, encoding='utf-8').read()
        name = re.search(r'<title>Gatling Stats - ([^<]*)</title>', text)
        cells = dict(re.findall(r'<td class="title">([^<]*)</td>\s*<td class="total">([^<]*)</td>', text))
        print('  {:42s} n={:>5s}  p50={:>6s}  p95={:>6s}  p99={:>6s}  mean={:>6s} ms'.format(
            name.group(1) if name else page, cells.get('Total count', '?'), cells.get('50th percentile', '?'),
            cells.get('95th percentile', '?'), cells.get('99th percentile', '?'), cells.get('Mean', '?')))
