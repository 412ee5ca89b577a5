#!/usr/bin/env python3
"""CPU per thread of a JVM over a window, by the threads' full names (jcmd Thread.print).
  thread_cpu.py snap PID > SNAPSHOT          ticks of every thread now
  thread_cpu.py diff PID SNAPSHOT SECONDS    ms of CPU per second of each thread since the snapshot, busiest first
Threads named like pool workers are also summed by name with digits removed."""
import json, os, re, subprocess, sys, collections

def ticks(pid):
    out = {}
    for tid in os.listdir('/proc/%s/task' % pid):
        try:
            fields = open('/proc/%s/task/%s/stat' % (pid, tid)).read().rsplit(')', 1)[1].split()
            out[tid] = int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return out

def names(pid):
    dump = subprocess.run(['jcmd', str(pid), 'Thread.print'], capture_output=True, text=True).stdout
    found = {}
    for m in re.finditer(r'^"(.*?)".*?nid=(0x[0-9a-f]+|\d+)', dump, re.M):
        nid = m.group(2)
        found[str(int(nid, 16) if nid.startswith('0x') else int(nid))] = m.group(1)
    return found

if sys.argv[1] == 'snap':
    json.dump(ticks(sys.argv[2]), sys.stdout)
else:
    pid, before, seconds = sys.argv[2], json.load(open(sys.argv[3])), float(sys.argv[4])
    hz = os.sysconf('SC_CLK_TCK')
    now, named = ticks(pid), names(pid)
    per = []
    for tid, t in now.items():
        d = t - before.get(tid, 0)
        if d > 0:
            comm = open('/proc/%s/task/%s/comm' % (pid, tid)).read().strip() if os.path.exists('/proc/%s/task/%s/comm' % (pid, tid)) else '?'
            per.append((d * 1000.0 / hz / seconds, named.get(tid, comm)))
    per.sort(reverse=True)
    total = sum(x for x, _ in per)
    print('total %.1f ms/s over %.0f s' % (total, seconds))
    groups = collections.Counter()
    for ms, name in per:
        groups[re.sub(r'\d+', '#', name)] += ms
    for name, ms in groups.most_common(25):
        print('%7.2f ms/s  %s' % (ms, name))
