import json, sys, collections
labels = {}
for line in open('/work/shared/data/seed-review-labels.tsv', encoding='utf-8'):
    if line.startswith('#') or line.startswith('file\t'): continue
    f = line.rstrip('\n').split('\t')
    labels[f[5].strip()] = f[2]
recs = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
c = collections.Counter()
for r in recs:
    lab = labels.get(r['de'].strip(), '?')
    rv = r['review']
    key = (lab, rv['flag'], rv['kind'])
    c[key] += 1
    show = (lab == 'artifact' and not rv['flag']) or (lab in ('clean','subtle') and rv['flag']) or (lab=='boilerplate') != (rv['kind']=='boilerplate')
    if show:
        print(lab, rv['flag'], rv['kind'], round(rv['score'],2), [x['detector']+'/'+x['rule'] for x in rv['findings']], r['de'][:150])
for k,v in sorted(c.items()): print(k, v)
