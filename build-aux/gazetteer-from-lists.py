#!/usr/bin/env python3
"""Writes resources/data/gazetteer-*.tsv from the official lists of
administrative units (the folder described in README.md, "Localities").

    build-aux/gazetteer-from-lists.py ../shared/data/localities resources/data

The program reads only the files written here: codes, types, names and
parents, without the repetitions of the source tables (a map row keeps the
two codes, not the two full names), so the gazetteer stays small.
"""
import csv
import datetime
import os
import sys


def rows(folder, name):
    with open(os.path.join(folder, name), encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f, delimiter='\t'))


def write(out, name, header, comment, lines):
    with open(os.path.join(out, name), 'w', encoding='utf-8', newline='\n') as f:
        for c in comment:
            f.write('# ' + c + '\n')
        f.write('# ' + '\t'.join(header) + '\n')
        for line in lines:
            f.write('\t'.join(line) + '\n')


def day_before(iso):
    d = datetime.date.fromisoformat(iso) - datetime.timedelta(days=1)
    return d.isoformat()


def main():
    src, out = sys.argv[1], sys.argv[2]
    before = [(r['code'], r['type'], r['name'], '') for r in rows(src, 'provinces-2025-06.tsv')]
    before += [(r['code'], r['type'], r['name'], r['province_code'])
               for r in rows(src, 'districts-2025-06.tsv')]
    before += [(r['code'], r['type'], r['name'], r['district_code'])
               for r in rows(src, 'communes-2025-06.tsv')]
    write(out, 'gazetteer-2025-06.tsv', ['code', 'type', 'name', 'parent'],
          ['Provinces (2 digits), districts (3) and communes (5) in force until 2025-06-30,',
           'GSO list of 2025-03-01; parent: province of a district, district of a commune.'],
          before)

    after = [(r['code'], r['type'], r['name'], '') for r in rows(src, 'provinces-2025-07.tsv')]
    after += [(r['code'], r['type'], r['name'], r['province_code'])
              for r in rows(src, 'communes-2025-07.tsv')]
    write(out, 'gazetteer-2025-07.tsv', ['code', 'type', 'name', 'parent'],
          ['Provinces (2 digits) and communes (5) from 2025-07-01 (Công văn 915 and',
           '1027/CTK-CSCL); codes are reused with another meaning than before July 2025.'],
          after)

    former = []
    for r in rows(src, 'former-names.tsv'):
        since = '' if r['first_seen'] == '2019-09-11' else r['first_seen']
        former.append((r['code'], r['type'], r['name'], r['province_code'],
                       since, day_before(r['gone_by']), r['current_code']))
    write(out, 'gazetteer-former.tsv',
          ['code', 'type', 'name', 'province', 'valid_from', 'valid_to', 'successor'],
          ['Province and district names of 2019-2025 gone before the June 2025 list.',
           'valid_from empty: at least since 2019-09-11; valid_to: the day before the first',
           'list without it; successor: the June 2025 unit holding most of it.'],
          former)

    pairs = [(r['old_code'], r['new_code']) for r in rows(src, 'provinces-map.tsv')]
    pairs += [(r['old_code'], r['new_code']) for r in rows(src, 'communes-map.tsv')]
    write(out, 'gazetteer-map.tsv', ['old', 'new'],
          ['Each unit of June 2025 -> the unit(s) of July 2025 it went into (Nghị quyết',
           '1654 ... 1687/NQ-UBTVQH15); a split commune has one row per new unit.',
           'The code length says the level: province 2, district 3 (no communes), commune 5.'],
          pairs)


if __name__ == '__main__':
    main()
