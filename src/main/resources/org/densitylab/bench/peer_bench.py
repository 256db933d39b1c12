"""PyTorch peer of `densitylab bench --vs-pytorch`: the project's networks written in PyTorch, timed step by step.

Run by the Java bench with Debian's /usr/bin/python3 (python3-torch 1.13), one process per thread count:
    OMP_NUM_THREADS=T python3 peer_bench.py T
It answers one JSON line per command read from standard input:
    setup CASE DIR WARMUP_SECONDS
                        build the network, load the batches the Java side wrote to DIR (.npy), warm up for
                        WARMUP_SECONDS and at least WARMUP_STEPS steps (the Java side sends its own warm-up)
    params CASE         the parameter count of the case's network (no data needed)
    round SECONDS       train or predict until SECONDS have passed (at least 2 steps); samples and seconds
    profile STEPS       STEPS steps under torch.profiler: milliseconds per step of each op (self CPU time) and in all
    quit
The networks are the ones of org.densitylab.entanglement.EntanglementNet / CnnConfig (the entanglement paper's CNN
and triple Siamese CNN, float32) and org.densitylab.marginals.Cdae / CdaeLoss (the marginals paper's CDAE with the
model1 loss: polar term by a complex SVD, as the paper's code does, plus the marginal term), Adam as in the project.
"""
import itertools
import json
import math
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

WARMUP_STEPS = 20


def cnn(qubits=3, conv_layers=3, kernel=2, fc_layers=5, width=128, ratio=16):
    """CnnConfig.paper(3): convolutions with ReLU (channels 2r, then sqrt ratios), 5 dense layers of 128, logits."""
    layers, c_in, c, r = [], 2, 2, float(ratio)
    for _ in range(conv_layers):
        c = int(c * r)
        r = math.sqrt(r)
        layers += [nn.Conv2d(c_in, c, kernel), nn.ReLU()]
        c_in = c
    side = 2 ** qubits - conv_layers * (kernel - 1)
    layers.append(nn.Flatten())
    features = c_in * side * side
    for _ in range(fc_layers):
        layers += [nn.Linear(features, width), nn.ReLU()]
        features = width
    layers.append(nn.Linear(features, 2 ** (qubits - 1) - 1))
    return nn.Sequential(*layers)


class Cdae(nn.Module):
    """The CDAE of Cdae.java (paper Appendix A), C = 100 channels."""

    def __init__(self, c=100):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(2, c, 3, 1, 1), nn.Tanh(), nn.MaxPool2d(2, 2),
            nn.Conv2d(c, c, 3, 1, 1), nn.Tanh(), nn.MaxPool2d(2, 2),
            nn.Conv2d(c, c, 3, 1, 1), nn.Tanh(), nn.MaxPool2d(2, 2))
        self.decoder = nn.Sequential(
            nn.ConvTranspose2d(c, c, 3, 2, 1), nn.Tanh(),
            nn.ConvTranspose2d(c, c, 5, 2, 1), nn.Tanh(),
            nn.ConvTranspose2d(c, c, 6, 2, 0), nn.Tanh(),
            nn.Conv2d(c, 2, 3, 1, 0))

    def forward(self, x):
        return self.decoder(self.encoder(x))


def keep(x, n, kept):
    """Partial trace keeping the sorted qubits `kept` of [B, 2, 2^n, 2^n] (big-endian), as CdaeLoss.keep."""
    traced = [q for q in range(n) if q not in kept]
    b = x.shape[0]
    r = x.reshape(b, 2, *([2] * (2 * n)))
    perm = [0, 1] + [2 + q for q in kept] + [2 + n + q for q in kept] + [2 + q for q in traced] + [2 + n + q for q in traced]
    a, m = 2 ** len(kept), 2 ** len(traced)
    r = r.permute(*perm).reshape(b, 2, a, a, m, m)
    return torch.diagonal(r, dim1=-2, dim2=-1).sum(-1)


def model(name):
    """The case's network: the CNN for the entanglement cases, the CDAE for cdae-train-N."""
    return Cdae() if name.startswith("cdae") else cnn()


def load(d, name):
    return torch.from_numpy(np.load(f"{d}/{name}.npy"))


class Case:
    """One workload: `step()` runs one training step (or one inference batch) and returns its sample count."""

    def __init__(self, name, d):
        self.name = name
        self.i = 0
        if name in ("cnn-train", "siamese-train", "cnn-infer"):
            self.model = model(name)
            self.x = load(d, "states")
            self.y = load(d, "labels") if name != "cnn-infer" else None
            self.batch = 128 if name != "cnn-infer" else self.x.shape[0]
            if name == "siamese-train":
                self.xp, self.xl = load(d, "permuted"), load(d, "rotated")
                self.pm, self.mask = load(d, "perm_matrix"), load(d, "perm_mask")
                self.lam = float(load(d, "lambda")[0])
            self.opt = torch.optim.Adam(self.model.parameters(), lr=1e-3)
        else:
            self.n = int(name[-1])
            self.k = self.n - 1
            self.model = model(name)
            self.inp, self.tgt = load(d, "input"), load(d, "target")
            self.batch = self.inp.shape[0]
            dim = 2 ** self.n
            self.eye = torch.eye(dim).expand(self.batch, dim, dim)
            self.subsets = list(itertools.combinations(range(self.n), self.k))
            self.tgt_marginals = [keep(self.tgt, self.n, list(j)) for j in self.subsets]
            self.opt = torch.optim.Adam(self.model.parameters(), lr=1e-4)
        self.batches = self.x.shape[0] // self.batch if hasattr(self, "x") else 1

    def params(self):
        return sum(p.numel() for p in self.model.parameters())

    def step(self):
        if self.name == "cnn-infer":
            with torch.no_grad():
                torch.sigmoid(self.model(self.x))
            return self.batch
        s = slice(self.i * self.batch, (self.i + 1) * self.batch) if hasattr(self, "x") else slice(None)
        b = self.i
        self.i = (self.i + 1) % self.batches
        self.opt.zero_grad()
        if self.name == "cnn-train":
            loss = F.binary_cross_entropy_with_logits(self.model(self.x[s]), self.y[s])
        elif self.name == "siamese-train":
            z0 = self.model(self.x[s])
            p0 = torch.sigmoid(z0)
            pp = torch.sigmoid(self.model(self.xp[s]))
            pl = torch.sigmoid(self.model(self.xl[s]))
            mask = self.mask[b:b + 1]
            l_perm = ((p0 @ self.pm[b] - pp).abs().mean(0, keepdim=True) * mask).sum() / mask.sum()
            l_lu = (p0 - pl).abs().mean()
            loss = F.binary_cross_entropy_with_logits(z0, self.y[s]) + self.lam * l_perm + self.lam * l_lu
        else:
            out = self.model(self.inp)
            z = torch.complex(out[:, 0], out[:, 1])
            u, _, vh = torch.linalg.svd(z, full_matrices=False)
            w = u @ vh
            loss = F.mse_loss(w.real, self.eye) + F.mse_loss(w.imag, torch.zeros_like(w.imag))
            for j, t in zip(self.subsets, self.tgt_marginals):
                loss = loss + F.mse_loss(keep(out, self.n, list(j)), t)
        loss.backward()
        self.opt.step()
        return self.batch


def timed(case, seconds, min_steps):
    samples, steps, t0 = 0, 0, time.perf_counter()
    while steps < min_steps or time.perf_counter() - t0 < seconds:
        samples += case.step()
        steps += 1
    return samples, time.perf_counter() - t0


def blas():
    """The BLAS library PyTorch loaded (Debian's reference libblas3 makes it many times slower than OpenBLAS)."""
    try:
        with open("/proc/self/maps") as f:
            libs = sorted({line.split()[-1] for line in f if "blas" in line.split()[-1]})
    except OSError:
        return "BLAS unknown"
    if any("openblas" in lib for lib in libs):
        return "OpenBLAS " + next(lib for lib in libs if "openblas" in lib).split("/")[-2]
    return "reference BLAS (slow; install libopenblas0 for a fair peer)" if libs else "BLAS unknown"


def main():
    threads = int(sys.argv[1])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    reply = {"framework": "PyTorch " + torch.__version__, "threads": torch.get_num_threads(),
             "config": torch.__config__.parallel_info().splitlines()[-1].strip() + ", " + blas()}
    print(json.dumps(reply), flush=True)
    case = None
    for line in sys.stdin:
        cmd = line.split()
        if not cmd or cmd[0] == "quit":
            break
        if cmd[0] == "setup":
            case = Case(cmd[1], cmd[2])
            timed(case, float(cmd[3]), WARMUP_STEPS)
            print(json.dumps({"params": case.params()}), flush=True)
        elif cmd[0] == "params":
            print(json.dumps({"params": sum(p.numel() for p in model(cmd[1]).parameters())}), flush=True)
        elif cmd[0] == "profile":
            steps = int(cmd[1])
            from torch.profiler import profile, ProfilerActivity
            with profile(activities=[ProfilerActivity.CPU]) as prof:
                t0 = time.perf_counter()
                for _ in range(steps):
                    case.step()
                wall = time.perf_counter() - t0
            ops = {}
            for e in prof.key_averages():
                if e.self_cpu_time_total > 0:
                    ops[e.key] = e.self_cpu_time_total / 1000 / steps
            print(json.dumps({"step_ms": wall * 1000 / steps, "ops": ops}), flush=True)
        elif cmd[0] == "round":
            samples, seconds = timed(case, float(cmd[1]), 2)
            print(json.dumps({"samples": samples, "seconds": seconds}), flush=True)


if __name__ == "__main__":
    main()
