# Solves min c'v s.t. G v + s = h, s PSD (one block) with cvxopt, for org.densitylab.marginals.CvxoptSdp.
# Input in DIR: rows.npy, cols.npy (int32), values.npy, h.npy, c.npy (float64), order.txt.
# Output in DIR: v.npy and result.json (status, seconds for building and solving, iterations).
import json
import os
import sys
import time

import numpy as np
from cvxopt import matrix, solvers, spmatrix

d = sys.argv[1]
rows = np.load(os.path.join(d, "rows.npy"))
cols = np.load(os.path.join(d, "cols.npy"))
vals = np.load(os.path.join(d, "values.npy"))
h = np.load(os.path.join(d, "h.npy"))
c = np.load(os.path.join(d, "c.npy"))
order = int(open(os.path.join(d, "order.txt")).read())
solvers.options["show_progress"] = False
t0 = time.perf_counter()
G = spmatrix(vals.tolist(), rows.tolist(), cols.tolist(), (order * order, len(c)))
sol = solvers.sdp(matrix(c.tolist()), Gs=[G], hs=[matrix(h.tolist(), (order, order))])
seconds = time.perf_counter() - t0
v = np.array(sol["x"]).ravel() if sol["x"] is not None else np.zeros(0)
np.save(os.path.join(d, "v.npy"), v)
with open(os.path.join(d, "result.json.tmp"), "w") as f:
    json.dump({"status": sol["status"], "seconds": seconds, "iterations": sol.get("iterations", -1)}, f)
os.replace(os.path.join(d, "result.json.tmp"), os.path.join(d, "result.json"))
