#!/usr/bin/env python3
"""Figures for bench/compare.sh.
  compare_report.py gatling RUN_DIR REQUEST_PREFIX TARGET LABEL SERVER_CPU_MS  -> raw.tsv lines
  compare_report.py table RAW_TSV                                              -> Markdown table of ratios
REQUEST_PREFIX picks one request of the simulation (Gatling's per-request page); empty: all requests."""
import collections, glob, os, re, sys


def global_stats(run_dir):
    """Gatling's console summary of the whole run (its HTML keeps the global figures in scripts)."""
    text = open(run_dir.rstrip('/') + '.log', encoding='utf-8').read()
    block = text[text.rfind('---- Global Information'):]
    cells = {}
    for name, value in re.findall(r'> ([a-z0-9 ()]+?)\s*\|\s*([0-9.,]+)\s*\|', block):
        cells[name.strip()] = value
    return {'Total count': cells['request count'], 'Mean count/s': cells['mean throughput (rps)'],
            '50th percentile': cells['response time 50th percentile (ms)'],
            '95th percentile': cells['response time 95th percentile (ms)']}


def stats(run_dir, prefix):
    if not prefix:
        return global_stats(run_dir)
    pages = glob.glob(os.path.join(run_dir, '*', 'req_*.html'))
    for page in pages:
        text = open(page, encoding='utf-8').read()
        title = re.search(r'<title>Gatling Stats - ([^<]*)</title>', text)
        name = title.group(1).strip() if title else ''
        if prefix and not name.startswith(prefix):
            continue
        cells = dict(re.findall(r'<td class="title">([^<]*)(?:</abbr>)?</td>\s*<td class="total">([^<]*)</td>', text))
        return cells
    raise SystemExit('no Gatling page for %r under %s' % (prefix, run_dir))


def num(value):
    return float(value.replace(',', ''))


def gatling(run_dir, prefix, target, label, cpu_ms):
    cells = stats(run_dir, prefix)
    count = num(cells['Total count'])
    rate = next(v for k, v in cells.items() if k.startswith('Mean') and k.endswith('/s'))
    print('%s\t%s\tthroughput_per_s\t%s' % (target, label, num(rate)))
    print('%s\t%s\tp50_ms\t%s' % (target, label, num(cells['50th percentile'])))
    print('%s\t%s\tp95_ms\t%s' % (target, label, num(cells['95th percentile'])))
    if float(cpu_ms) > 0:
        # CPU of the server process over the whole run (all requests of the simulation).
        total = num(stats(run_dir, '')['Total count'])
        print('%s\t%s\tcpu_ms_per_request\t%.2f' % (target, label, float(cpu_ms) / total))


def table(raw):
    values = collections.defaultdict(list)
    order = []
    for line in open(raw):
        target, label, metric, value = line.rstrip('\n').split('\t')
        if (label, metric) not in order:
            order.append((label, metric))
        values[(label, metric, target)].append(float(value))
    before = any(k[2] == 'before' for k in values)
    fmt = lambda xs: ' / '.join('%.1f' % x for x in xs) if xs else '-'
    mean = lambda xs: sum(xs) / len(xs)
    ratio = lambda g, b: '%.2f' % (mean(g) / mean(b)) if g and b and mean(b) else '-'
    rounds = lambda g, b: ' '.join('%.2f' % (x / y) for x, y in zip(g, b) if y) if g and b else ''
    if before:
        # a third server: the gateway before the change ("before"), in the same run
        print('| what | metric | Continuum | before | baseline | ratio C/B | per round | before/B | per round |')
        print('|---|---|---|---|---|---|---|---|---|')
    else:
        print('| what | metric | Continuum | baseline | ratio C/B | per round |')
        print('|---|---|---|---|---|---|')
    for label, metric in order:
        g, b = values.get((label, metric, 'gateway'), []), values.get((label, metric, 'baseline'), [])
        if before:
            f = values.get((label, metric, 'before'), [])
            print('| %s | %s | %s | %s | %s | %s | %s | %s | %s |' % (label, metric, fmt(g), fmt(f), fmt(b), ratio(g, b),
                                                                   rounds(g, b), ratio(f, b), rounds(f, b)))
        else:
            print('| %s | %s | %s | %s | %s | %s |' % (label, metric, fmt(g), fmt(b), ratio(g, b), rounds(g, b)))


if __name__ == '__main__':
    if sys.argv[1] == 'gatling':
        gatling(*sys.argv[2:7])
    else:
        table(sys.argv[2])
