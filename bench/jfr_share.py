#!/usr/bin/env python3
"""Share of a JFR recording's CPU samples whose stack contains each marker, optionally within a time window.
usage: bench/jfr_share.py RECORDING.jfr [--from HH:MM:SS] [--to HH:MM:SS] [--jfr TOOL] [--top N] MARKER...
A marker is a substring of 'package.Class.method' (e.g. OIDUtilities.<init>, com.nimbusds, io.micrometer).
With --top N, also the N most frequent top frames (where the samples actually are)."""
import argparse, collections, json, subprocess

p = argparse.ArgumentParser()
p.add_argument('recording'); p.add_argument('markers', nargs='*')
p.add_argument('--from', dest='start'); p.add_argument('--to', dest='end')
p.add_argument('--jfr', default='jfr'); p.add_argument('--top', type=int, default=0)
a = p.parse_args()
out = subprocess.run([a.jfr, 'print', '--json', '--stack-depth', '256', '--events', 'jdk.ExecutionSample', a.recording],
                     capture_output=True, text=True, check=True).stdout
events = json.loads(out)['recording']['events']
hits, tops, total = collections.Counter(), collections.Counter(), 0
for e in events:
    clock = e['values']['startTime'][11:19]
    if (a.start and clock < a.start) or (a.end and clock > a.end):
        continue
    st = e['values'].get('stackTrace')
    names = [f['method']['type']['name'] + '.' + f['method']['name'] for f in st['frames']] if st else []
    total += 1
    if names:
        tops[names[0]] += 1
    for m in a.markers:
        if any(m in n for n in names):
            hits[m] += 1
print('samples: %d' % total)
for m in a.markers:
    print('%6.1f%%  %s' % (100.0 * hits[m] / max(total, 1), m))
for name, n in tops.most_common(a.top):
    print('   top %5.1f%%  %s' % (100.0 * n / max(total, 1), name))
