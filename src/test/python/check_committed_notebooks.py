"""The committed notebooks as GitHub shows them (issue 11): each valid nbformat (nbformat's own schema), every cell
with an id, under 2 MB, with outputs (plots as image/png, tables as text/html), no error output and no absolute
path of the machine that made them. .ci/notebooks.sh runs it; environment/notebooks-with-outputs.sh remakes them.

    /usr/bin/python3 src/test/python/check_committed_notebooks.py [NOTEBOOK...]     (default: notebooks/*.ipynb)
"""
import glob
import json
import os
import re
import sys

import nbformat

LIMIT = 2_000_000
ABSOLUTE = re.compile(r"(/home/|/root/|/work/|/tmp/)[\w.-]")

problems = []
paths = sys.argv[1:] or sorted(glob.glob(os.path.join(os.path.dirname(__file__), "../../../notebooks/*.ipynb")))
for path in paths:
    name = os.path.basename(path)
    with open(path, encoding="utf-8") as f:
        raw = json.load(f)  # as stored: nbformat.read would add missing cell ids
    nb = nbformat.from_dict(raw)
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as e:
        problems.append("%s: not valid nbformat: %s" % (name, e.message))
    if (nb.nbformat, nb.nbformat_minor) < (4, 5) or not all(c.get("id") for c in raw["cells"]):
        problems.append("%s: cells without ids (nbformat %d.%d)" % (name, nb.nbformat, nb.nbformat_minor))
    if os.path.getsize(path) >= LIMIT:
        problems.append("%s: %.1f MB, over the 2 MB limit" % (name, os.path.getsize(path) / 1e6))
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    kinds = {k for o in outputs for k in o.get("data", {})}
    if not outputs:
        problems.append("%s: stored without outputs" % name)
    elif not kinds & {"image/png", "text/html"}:
        problems.append("%s: no plot (image/png) or table (text/html) among its outputs" % name)
    problems += ["%s: an error output: %s" % (name, o.get("ename")) for o in outputs if o.output_type == "error"]
    text = "\n".join(str(v) for o in outputs for k, v in {**o.get("data", {}), "text": o.get("text", "")}.items()
                     if k != "image/png")
    problems += ["%s: an absolute path in its outputs: %s" % (name, m.group(0)) for m in ABSOLUTE.finditer(text)][:1]
for p in problems:
    print(p)
print("committed notebooks: %d checked, %d problem(s)" % (len(paths), len(problems)))
sys.exit(1 if problems else 0)
