#!/usr/bin/env python3
"""Recall and precision of an audit on the generator's injected errors. LABELS is the generator's side file
(visitId,kind,ruleId), FINDINGS the audit's findings.csv. Recall: the labeled (visit, rule) pairs the audit
reported. Precision: the findings of the labeled rules that fall on a (visit, rule) pair with a label (a rule the
generator never injects is not counted). Usage: bench/recall.py LABELS FINDINGS"""
import collections, csv, sys
csv.field_size_limit(10**8)
labels_file, findings_file = sys.argv[1], sys.argv[2]
labels = collections.defaultdict(set)
rules = set()
with open(labels_file, newline='') as f:
    for r in csv.DictReader(f):
        labels[r['visitId']].add(r['ruleId'])
        rules.add(r['ruleId'])
found = collections.defaultdict(set)
on_label = 0
stray = 0
with open(findings_file, newline='') as f:
    rows = csv.reader(f)
    head = next(rows)
    iv, ir = head.index('visitId'), head.index('ruleId')
    for row in rows:
        rule = row[ir]
        if rule in rules:
            if rule in labels.get(row[iv], ()):
                found[row[iv]].add(rule)
                on_label += 1
            else:
                stray += 1
total = sum(len(x) for x in labels.values())
hit = sum(len(found[v]) for v in labels)
recall = hit / total if total else 1.0
precision = on_label / (on_label + stray) if on_label + stray else 1.0
print(f"labels {total}, reported {hit}: recall {recall:.2%}; findings of the labeled rules {on_label + stray}, "
      f"on a labeled visit {on_label}: precision {precision:.2%}")
sys.exit(0 if hit == total else 1)
