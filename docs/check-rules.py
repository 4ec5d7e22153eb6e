#!/usr/bin/env python3
"""Check every class and test pointer in docs/rules.md against the source tree."""
import os, re, sys, subprocess
root = sys.argv[1] if len(sys.argv) > 1 else '.'
text = open(os.path.join(root, 'docs/rules.md')).read()
base = {k: os.path.join(root, 'src', k, 'java/com/syncrobot') for k in ('main', 'test')}
def find_class(dotted):
    rel = dotted.replace('.', '/') + '.java'
    for k, b in base.items():
        if os.path.isfile(os.path.join(b, rel)):
            return os.path.join(b, rel)
    return None
def simple_class(name):
    hits = []
    for k, b in base.items():
        for d, _, fs in os.walk(b):
            if name + '.java' in fs: hits.append(os.path.join(d, name + '.java'))
    return hits
bad = 0
sections = re.split(r'^### ', text, flags=re.M)[1:]
for sec in sections:
    rid = sec.split()[0]
    where = re.search(r'\*Where:\*(.*?)(?=\*Tests:\*)', sec, re.S)
    tests = re.search(r'\*Tests:\*(.*?)(?=\n\n|\Z)', sec, re.S)
    why = '*Why:*' in sec
    if not (where and tests and why):
        print(f'{rid}: missing Why/Where/Tests'); bad += 1; continue
    for tok in re.findall(r'`([a-z][a-z.]*\.[A-Z]\w*)`', where.group(1)):
        if not find_class(tok): print(f'{rid} Where: no class {tok}'); bad += 1
    methods = 0; cur = None
    for tok in re.findall(r'`([^`]+)`', tests.group(1)):
        if re.fullmatch(r'[a-z][a-z.]*\.[A-Z]\w*', tok):
            cur = find_class(tok)
            if not cur: print(f'{rid} Tests: no class {tok}'); bad += 1
        elif re.fullmatch(r'[A-Z]\w*Test\w*', tok):
            hits = simple_class(tok)
            cur = hits[0] if len(hits) == 1 else None
            if not cur: print(f'{rid} Tests: class {tok} found {len(hits)} times'); bad += 1
        elif re.fullmatch(r'[a-z]\w*', tok):
            if cur and re.search(r'void\s+' + re.escape(tok) + r'\s*\(', open(cur).read()):
                methods += 1
            else:
                print(f'{rid} Tests: method {tok} not in {cur}'); bad += 1
        elif tok.endswith('/'):
            if not os.path.isdir(os.path.join(base['test'], tok)): print(f'{rid} Tests: no dir {tok}'); bad += 1
        else:
            print(f'{rid} Tests: unrecognised {tok}')
    if methods == 0: print(f'{rid}: no test method named'); bad += 1
# any other dotted class mention in the file (e.g. in prose)
for tok in set(re.findall(r'`([a-z][a-z.]*\.[A-Z]\w*)`', text)):
    if not find_class(tok): print(f'prose: no class {tok}')
print('rules:', len(sections), 'problems:', bad)
sys.exit(1 if bad else 0)
