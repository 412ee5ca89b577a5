#!/usr/bin/env python3
"""Table of compare-handoffs.sh's measured runs: per mode, A and B means, ratio B/A and the per-round ratios.
usage: compare_handoffs_report.py MEASURED.txt"""
import collections, re, sys

rows = collections.defaultdict(lambda: collections.defaultdict(list))
for line in open(sys.argv[1]):
    parts = line.rstrip('\n').split('\t')
    if len(parts) < 5:
        continue
    mode, name, text = parts[0], parts[1], parts[4]
    cpu = float(parts[3].split()[1])
    stored = re.search(r'([\d.]+) handoffs/s stored', text)   # enhanced mode: rate stored as FHIR
    rate = re.search(r'([\d.]+) (?:msg|handoffs)/s', text)      # ACKs (or JSON 201s) per second
    p50 = re.search(r'p50 ([\d.]+)', text); p95 = re.search(r'p95 ([\d.]+)', text)
    figures = {
        'stored_per_s': float(stored.group(1)) if stored else float(rate.group(1)),
        'ack_per_s': float(rate.group(1)),
        'p50_ms': float(p50.group(1)), 'p95_ms': float(p95.group(1)),
        'cpu_ms_per_handoff': cpu,
    }
    codes = re.search(r'(?:MSA-1|HTTP) (\{[^}]*\})', text)
    for k, v in figures.items():
        rows[(mode, k)][name].append(v)
    rows[(mode, 'answers')][name].append(codes.group(1) if codes else '?')

print('| mode | metric | A | B | ratio B/A | per round |')
print('|---|---|---|---|---|---|')
for (mode, metric), by in rows.items():
    a, b = by.get('A', []), by.get('B', [])
    if metric == 'answers':
        print('| %s | %s | %s | %s | | |' % (mode, metric, ' '.join(a), ' '.join(b)))
        continue
    mean = lambda xs: sum(xs) / len(xs) if xs else float('nan')
    ratio = mean(b) / mean(a) if a and b and mean(a) else float('nan')
    rounds = ' '.join('%.2f' % (y / x) for x, y in zip(a, b) if x)
    print('| %s | %s | %s | %s | %.2f | %s |' % (mode, metric, ' / '.join('%.1f' % x for x in a),
                                                 ' / '.join('%.1f' % x for x in b), ratio, rounds))
