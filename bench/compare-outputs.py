#!/usr/bin/env python3
"""Compares the row outputs of the single-process audit (DIR_A: findings.csv, claims.csv, rejected.csv) with those
of the Spark job (DIR_B: findings/, claims/, rejected/ CSV part files): the same rows, in any order, counted with
an order-independent hash of each row's fields. Usage: bench/compare-outputs.py DIR_A DIR_B"""
import csv, glob, hashlib, sys
csv.field_size_limit(10**8)
def digest(paths):
    n=0; acc=0
    for p in paths:
        with open(p, newline='') as f:
            r=csv.reader(f); next(r, None)
            for row in r:
                h=int.from_bytes(hashlib.blake2b('\x01'.join(row).encode(), digest_size=8).digest(),'little')
                acc=(acc+h) % (1<<64); n+=1
    return n, acc
a, b = sys.argv[1], sys.argv[2]
for name in ['findings','claims','rejected']:
    x=digest([f'{a}/{name}.csv'])
    y=digest(sorted(glob.glob(f'{b}/{name}/part-*.csv')))
    print(name, 'rows', x[0], y[0], 'same' if x == y else 'DIFFERENT')
