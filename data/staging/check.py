#!/usr/bin/env python3
"""Checks staging files (JSON arrays of schema-2.0 entities): shapes, enums, dates, citations.
Usage: python3 data/staging/check.py data/staging/nrw.json"""
import json, re, sys
DATE = re.compile(r'^~?\d{4}(-\d{2}(-\d{2})?)?$')
ORIGIN = {None, 'academia', 'internal', 'private_sector', 'public_sector', 'politics'}
FORM = {'cdo_post', 'honorary_cdo', 'agency', 'department', 'staff_unit', 'state_government', 'other'}
LANDS = {'DE-' + c for c in 'BW BY BE BB HB HH HE MV NI NW RP SL SN ST SH TH'.split()}
errs = []
def err(e, msg): errs.append(f"{e.get('id', '?')}: {msg}")
def date(e, v, where):
    if v is None: return
    if not isinstance(v, str) or not DATE.match(v) or v.lstrip('~') > '2026-12-04': err(e, f'bad date {v!r} at {where}')
def loc(e, v, where, optional=True):
    if v is None and optional: return
    if not (isinstance(v, dict) and isinstance(v.get('de'), str) and isinstance(v.get('en'), str) and v['de'] and v['en']):
        err(e, f'bad {{de,en}} at {where}')
def cites(e, ids, obj, where):
    s = obj.get('sources') if isinstance(obj, dict) else None
    if not isinstance(s, list) or not s: err(e, f'no sources at {where}'); return
    for i in s:
        if i not in ids: err(e, f'dangling source {i!r} at {where}')
for path in sys.argv[1:]:
    data = json.load(open(path))
    seen = set()
    for e in data:
        if not re.match(r'^[a-z0-9]+(-[a-z0-9]+)*$', e.get('id', '')): err(e, 'id not a slug')
        if e['id'] in seen: err(e, 'duplicate id')
        seen.add(e['id'])
        ids = set()
        for s in e.get('sources', []):
            if s['id'] in ids: err(e, f"duplicate source {s['id']}")
            ids.add(s['id'])
            if not re.match(r'^https?://\S+$', s.get('url', '')): err(e, f"bad url {s.get('url')}")
            date(e, s.get('date'), f"sources.{s['id']}.date")
            for k in s:
                if k not in ('id', 'url', 'title', 'publisher', 'date', 'party'): err(e, f'unknown source field {k}')
        if e.get('kind') not in ('city', 'land', 'federal'): err(e, 'kind')
        if e['kind'] == 'federal':
            if e.get('land') is not None: err(e, 'federal: land must be null')
        elif e.get('land') not in LANDS: err(e, 'land')
        if e['kind'] == 'city' and not re.match(r'^\d{8}$', e.get('ags') or ''): err(e, 'city without 8-digit ags')
        c = e.get('coordinates', {})
        if not (47.2 <= c.get('lat', 0) <= 55.1 and 5.8 <= c.get('lon', 0) <= 15.1): err(e, 'coordinates')
        if e.get('population') is not None:
            cites(e, ids, e['population'], 'population')
        ps = e.get('periods')
        if not isinstance(ps, list) or not ps: err(e, 'no periods'); continue
        for n, p in enumerate(ps):
            w = f'periods[{n}]'
            if not p.get('title'): err(e, f'{w}.title')
            if p.get('origin') not in ORIGIN: err(e, f'{w}.origin')
            if p.get('form') not in FORM: err(e, f'{w}.form')
            cites(e, ids, p, w)
            for k in ('since', 'until'):
                if p.get(k) is not None:
                    date(e, p[k].get('date'), f'{w}.{k}'); cites(e, ids, p[k], f'{w}.{k}')
            if p.get('reporting_line') is not None:
                loc(e, p['reporting_line'], f'{w}.reporting_line', False); cites(e, ids, p['reporting_line'], f'{w}.reporting_line')
            for m, h in enumerate(p.get('holders', [])):
                hw = f'{w}.holders[{m}]'
                if not h.get('name'): err(e, f'{hw}.name')
                date(e, h.get('since'), hw + '.since'); date(e, h.get('until'), hw + '.until')
                loc(e, h.get('role'), hw + '.role'); loc(e, h.get('background'), hw + '.background')
                cites(e, ids, h, hw)
            for k in p:
                if k not in ('title', 'origin', 'form', 'since', 'until', 'holders', 'reporting_line', 'sources'): err(e, f'{w}: unknown field {k}')
        for m, t in enumerate(e.get('context', [])):
            loc(e, t, f'context[{m}]', False); cites(e, ids, t, f'context[{m}]')
        used = set(json.dumps(e)) and set(re.findall(r'"sources": \[([^\]]*)\]', json.dumps(e)))
        cited = {x.strip().strip('"') for u in used for x in u.split(',') if x.strip()}
        for s in ids - cited:
            err(e, f'source {s} is never cited')
    print(f'{path}: {len(data)} entities')
print('\n'.join(errs) if errs else 'ok')
sys.exit(1 if errs else 0)
