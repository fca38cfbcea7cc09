"""The benchmark workloads in PyTorch on the CPU, for comparison with Logit Lab.

Usage: python3 torch_bench.py WORKLOADS_JSON [NAME ...]
Environment: THREADS (intra-op threads, default 1), DTYPE (float32 or float64).
Prints one JSON line per workload with the fields of Logit Lab's bench.
"""
import json
import os
import sys
import time

import torch
from torch import nn

GRID_POINTS = 10_000
GRID_PASSES = 50


def build_model(sizes, activation, dtype):
    """Linear layers of `sizes` with `activation` between them, PyTorch's default init."""
    modules = []
    for i, (fan_in, fan_out) in enumerate(zip(sizes, sizes[1:])):
        if i > 0:
            modules.append(nn.ReLU() if activation == "relu" else nn.Tanh())
        modules.append(nn.Linear(fan_in, fan_out))
    return nn.Sequential(*modules).to(dtype)


def make_data(w, dtype):
    """Standard normal 2-D points; random classes, or 1 outside the unit circle."""
    x = torch.randn(w["n"], 2, dtype=dtype)
    if w["loss"] == "CrossEntropyLoss":
        return x, torch.randint(0, w["sizes"][-1], (w["n"],)), nn.CrossEntropyLoss()
    y = (x.norm(dim=1, keepdim=True) > 1).to(dtype)
    return x, y, nn.BCEWithLogitsLoss()


def run(name, w, dtype, threads):
    """Trains workload `w` and times it, then times forward passes over a grid."""
    torch.manual_seed(0)
    model = build_model(w["sizes"], w["activation"], dtype)
    x, y, criterion = make_data(w, dtype)
    optimizer_class = torch.optim.SGD if w["optimizer"] == "SGD" else torch.optim.Adam
    optimizer = optimizer_class(model.parameters(), lr=w["lr"])
    steps, loss = 0, None
    start = time.perf_counter()
    for _ in range(w["epochs"]):
        order = torch.randperm(w["n"])
        for first in range(0, w["n"], w["batch"]):
            rows = order[first:first + w["batch"]]
            optimizer.zero_grad()
            loss = criterion(model(x[rows]), y[rows])
            loss.backward()
            optimizer.step()
            steps += 1
    train_s = time.perf_counter() - start
    grid = torch.rand(GRID_POINTS, 2, dtype=dtype)
    start = time.perf_counter()
    with torch.no_grad():
        for _ in range(GRID_PASSES):
            model(grid)
    grid_s = (time.perf_counter() - start) / GRID_PASSES
    return {
        "impl": f"pytorch-{torch.__version__}-{threads}t-{str(dtype).split('.')[-1]}",
        "workload": name,
        "steps": steps,
        "train_s": round(train_s, 4),
        "steps_per_s": round(steps / train_s),
        "samples_per_s": round(steps * w["batch"] / train_s),
        "grid_ms": round(grid_s * 1000, 3),
        "final_loss": round(loss.item(), 4),
    }


def main():
    threads = int(os.environ.get("THREADS", "1"))
    torch.set_num_threads(threads)
    dtype = torch.float64 if os.environ.get("DTYPE") == "float64" else torch.float32
    with open(sys.argv[1], encoding="utf-8") as f:
        workloads = json.load(f)
    for name in sys.argv[2:] or list(workloads):
        print(json.dumps(run(name, workloads[name], dtype, threads)), flush=True)


if __name__ == "__main__":
    main()
