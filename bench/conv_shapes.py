#!/usr/bin/python3
"""Per-shape convolution comparison: the engine's OneDnnConvolution against PyTorch's conv2d.

Started by `bench/run --conv-shapes`. Runs the engine's probe (dev.musket.engine.bench.
NetworkConvProbe, a JVM given as the command after `--`) as a child process; it lists every
distinct convolution geometry of the bench networks, read from the built graphs. Then, shape by
shape and round by round, it asks the JVM to time the shape (forward, backward-data,
backward-weights and the layer's combined backward, on the layout the layer uses and on the
other one) and times the same shape in PyTorch (F.conv2d forward; aten.convolution_backward for
the backward passes, which is what autograd calls: torch.backends.mkldnn, oneDNN 2.6 on the CPU),
so both sides see the same load. Figures are the best over all rounds (each the best of --reps).

Prints one table per case (ms; speed = torch ms / engine ms, >= 1 means the engine is as fast) and
writes the raw records as JSON lines to --out.
"""
import argparse
import json
import os
import subprocess
import sys
import time

import torch
import torch.nn.functional as F

KINDS = ("fwd", "bwd_data", "bwd_weights", "bwd")


def cpu_snap(pids):
    """Wall time, busy CPU seconds of the machine, CPU seconds of these processes."""
    clk = os.sysconf("SC_CLK_TCK")
    with open("/proc/stat") as f:
        v = [int(t) for t in f.readline().split()[1:]]
    own = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        own += int(fields[11]) + int(fields[12])
    return time.perf_counter(), (v[0] + v[1] + v[2] + v[5] + v[6]) / clk, own / clk


def foreign(a, b):
    """Share of the machine's CPUs used by other processes between two snapshots."""
    return max(0.0, (b[1] - a[1]) - (b[2] - a[2])) / ((b[0] - a[0]) * (os.cpu_count() or 1))


def best(fn, reps):
    fn()
    fn()
    t = float("inf")
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - t0)
    return t


class TorchShape:
    """The shape's tensors and the four timed calls, as autograd makes them in training."""

    def __init__(self, s):
        self.s = s
        g = s["groups"]
        self.x = torch.randn(s["batch"], s["in"], s["size"], s["size"])
        self.w = torch.randn(s["out"], s["in"] // g, s["kernel"], s["kernel"]) * 0.05
        self.b = torch.randn(s["out"]) if s["bias"] else None
        with torch.no_grad():
            y = self.fwd()
        self.gy = torch.randn_like(y)
        self.args = (self.gy, self.x, self.w, [s["out"]] if s["bias"] else None,
                     [s["stride"]] * 2, [s["pad"]] * 2, [1, 1], False, [0, 0], g)

    def fwd(self):
        s = self.s
        return F.conv2d(self.x, self.w, self.b, s["stride"], s["pad"], 1, s["groups"])

    def backward(self, mask):
        return torch.ops.aten.convolution_backward(*self.args, mask)

    def time(self, reps):
        bias = self.b is not None
        with torch.no_grad():
            return [
                best(self.fwd, reps),
                best(lambda: self.backward([True, False, False]), reps),
                best(lambda: self.backward([False, True, bias]), reps),
                # autograd computes no input gradient for the network's input
                best(lambda: self.backward([not self.s["first"], True, bias]), reps),
            ]


def verbose_lines(text):
    """(label, implementation, ms) of every primitive oneDNN's verbose mode reported executing."""
    out = []
    for line in text.splitlines():
        f = line.split(",")
        if len(f) < 8 or f[0] not in ("dnnl_verbose", "onednn_verbose") or f[1] != "exec":
            continue
        prim, impl, prop, mem = f[3], f[4], f[5], f[6]
        if prim == "convolution":
            label = {"backward_data": "bwd_data", "backward_weights": "bwd_weights"}.get(prop, "fwd")
        else:
            tags = [m.split(":")[-2] for m in mem.split()]
            label = f"{prim} {'->'.join(tags)} {f[-2]}"
        out.append((label, impl, float(f[-1])))
    return out


def verbose_summary(prims, runs):
    """Per kind of primitive: implementation and the best milliseconds over the runs."""
    if not prims or len(prims) % runs:
        return {"unparsed": len(prims)}
    n = len(prims) // runs
    best_ms = [min(prims[r * n + i][2] for r in range(runs)) for i in range(n)]
    summary = {}
    for (label, impl, _), ms in zip(prims[:n], best_ms):
        key = label if not label.startswith("reorder") else "reorders"
        e = summary.setdefault(key, {"impl": impl, "ms": 0.0, "n": 0})
        e["ms"] += ms
        e["n"] += 1
    for e in summary.values():
        e["ms"] = round(e["ms"], 3)
    summary["detail"] = [(label, impl, round(ms, 3)) for (label, impl, _), ms in zip(prims[:n], best_ms)]
    return summary


def torch_verbose(pt, runs):
    """PyTorch's primitives for `runs` training forward + backward passes of the shape."""
    import ctypes
    import tempfile
    libc = ctypes.CDLL(None)
    with tempfile.TemporaryFile(mode="w+") as tmp:
        sys.stdout.flush()
        saved = os.dup(1)
        os.dup2(tmp.fileno(), 1)
        try:
            with torch.no_grad(), torch.backends.mkldnn.verbose(torch.backends.mkldnn.VERBOSE_ON):
                for _ in range(runs):
                    pt.fwd()
                    pt.backward([not pt.s["first"], True, pt.b is not None])
            libc.fflush(None)
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        tmp.seek(0)
        return verbose_lines(tmp.read())


def print_verbose(v):
    for side in ("engine", "torch"):
        parts = []
        for k in ("fwd", "bwd_data", "bwd_weights", "reorders"):
            if k in v[side]:
                e = v[side][k]
                parts.append(f"{k} {e['impl']} {e['ms']:.2f}" + (f" ({e['n']})" if k == "reorders" else ""))
        print(f"      {side:<6}: " + " | ".join(parts))


def name(s):
    kind = "dw" if s["groups"] > 1 else ""
    return (f"{kind}{s['kernel']}x{s['kernel']}/{s['stride']} {s['in']}->{s['out']} "
            f"@{s['size']}" + (" first" if s["first"] else ""))


def report(shapes, results, out):
    cases = []
    for s in shapes:
        if s["network"] not in cases:
            cases.append(s["network"])
    for case in cases:
        rows = [(s, results[s["id"]]) for s in shapes if s["network"] == case and s["id"] in results]
        if not rows:
            continue
        eng_total = sum(s["count"] * (r["layer"][0] + r["layer"][3]) for s, r in rows)
        oth_total = sum(s["count"] * (min(r["layer"][0] + r["layer"][3],
                                          r["other"][0] + r["other"][3])) for s, r in rows)
        pt_total = sum(s["count"] * (r["torch"][0] + r["torch"][3]) for s, r in rows)
        print(f"\n{case}: conv time per training iteration (fwd + bwd, best of rounds): engine "
              f"{eng_total * 1e3:.1f} ms, engine with the better layout per shape "
              f"{oth_total * 1e3:.1f} ms, PyTorch {pt_total * 1e3:.1f} ms "
              f"(speed {pt_total / eng_total:.2f})")
        print(f"{'shape':<28}{'n':>3} {'L':>3} | {'engine fwd  bwdD  bwdW   bwd':>29} | "
              f"{'torch fwd  bwdD  bwdW   bwd':>28} | {'speed fwd bwdD bwdW  all':>25} | "
              f"{'share':>5} | {'other layout fwd+bwd':>20}")
        for s, r in rows:
            e, t, o = r["layer"], r["torch"], r["other"]
            e_all, t_all, o_all = e[0] + e[3], t[0] + t[3], o[0] + o[3]
            share = s["count"] * e_all / eng_total
            print(f"{name(s):<28}{s['count']:>3} {s['layer_layouts']:>3} | "
                  f"{e[0]*1e3:7.2f}{e[1]*1e3:6.2f}{e[2]*1e3:6.2f}{e[3]*1e3:7.2f}   | "
                  f"{t[0]*1e3:7.2f}{t[1]*1e3:6.2f}{t[2]*1e3:6.2f}{t[3]*1e3:7.2f}  | "
                  f"{t[0]/e[0]:9.2f}{t[1]/e[1]:5.2f}{t[2]/e[2]:5.2f}{t_all/e_all:5.2f} | "
                  f"{share*100:4.1f}% | {o_all*1e3:8.2f} ({e_all/o_all:4.2f}x) "
                  f"{r['foreign_cpu_frac']:4.0%}")
            if "verbose" in r:
                print_verbose(r["verbose"])
    print("\nL: the layer's layouts (B blocked, P plain) for forward, backward-data and"
          " backward-weights. speed = torch ms / engine ms (>= 1: the engine is as fast). bwd = both"
          " backward passes as the layer runs them (PyTorch: one convolution_backward; no input"
          " gradient for the network's input). share: of the engine's conv time in that network."
          " other layout: the engine all blocked (all plain where all blocked is the layer's choice;"
          " x: how much faster it would be), then the other processes' share of the CPUs while"
          " the shape was timed.")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", required=True)
    ap.add_argument("--only", default="", help="comma-separated shape ids")
    ap.add_argument("--verbose", type=int, default=0,
                    help="also run each shape N times under oneDNN's verbose mode on both sides and"
                         " report each primitive's implementation and best time")
    ap.add_argument("java", nargs=argparse.REMAINDER, help="-- java ... NetworkConvProbe [...]")
    args = ap.parse_args()
    java = args.java[1:] if args.java[:1] == ["--"] else args.java
    torch.set_num_threads(args.threads)

    log = open(args.out + ".jvm.log", "w")
    jvm = subprocess.Popen(java, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log,
                           text=True, bufsize=1)
    shapes = []
    for line in jvm.stdout:
        if line.startswith("SHAPE "):
            shapes.append(json.loads(line[6:]))
        elif line.startswith("READY"):
            break
    else:
        sys.exit(f"conv_shapes: the JVM ended before listing its shapes (see {args.out}.jvm.log)")
    only = {int(i) for i in args.only.split(",") if i}
    todo = [s for s in shapes if not only or s["id"] in only]
    load_before = open("/proc/loadavg").read().split()[:3]
    print(f"conv_shapes: {len(todo)} shapes, {args.rounds} rounds of best-of-{args.reps}, "
          f"{args.threads} threads, load average {' '.join(load_before)}", file=sys.stderr)
    results = {}
    pids = (os.getpid(), jvm.pid)
    with open(args.out, "w") as out:
        for s in todo:
            r = {"layer": [float("inf")] * 4, "other": [float("inf")] * 4,
                 "torch": [float("inf")] * 4}
            pt = TorchShape(s)
            a = cpu_snap(pids)
            for _ in range(args.rounds):
                jvm.stdin.write(f"time {s['id']} {args.reps}\n")
                jvm.stdin.flush()
                line = jvm.stdout.readline()
                if not line.startswith("TIME "):
                    sys.exit(f"conv_shapes: unexpected answer {line!r} (see {args.out}.jvm.log)")
                e = json.loads(line[5:])
                # the side that just finished may leave its OpenMP threads spinning a moment
                time.sleep(0.2)
                t = pt.time(args.reps)
                time.sleep(0.2)
                for k, v in (("layer", e["layer"]), ("other", e["other"]), ("torch", t)):
                    r[k] = [p if q is None else min(p, q) for p, q in zip(r[k], v)]
            r["foreign_cpu_frac"] = round(foreign(a, cpu_snap(pids)), 3)
            if args.verbose:
                jvm.stdin.write(f"verbose {s['id']} {args.verbose}\n")
                jvm.stdin.flush()
                text = []
                for line in jvm.stdout:
                    if line.startswith("VERBOSE-END"):
                        break
                    text.append(line)
                r["verbose"] = {
                    "engine": verbose_summary(verbose_lines("".join(text)), args.verbose),
                    "torch": verbose_summary(torch_verbose(pt, args.verbose), args.verbose)}
            results[s["id"]] = r
            out.write(json.dumps({"shape": s, **r}) + "\n")
            print(f"  {s['network']} {name(s)}: engine {sum(r['layer'][i] for i in (0, 3))*1e3:.2f}"
                  f" ms, torch {sum(r['torch'][i] for i in (0, 3))*1e3:.2f} ms, foreign CPU "
                  f"{r['foreign_cpu_frac']:.0%}", file=sys.stderr)
    jvm.stdin.close()
    jvm.wait()
    load_after = open("/proc/loadavg").read().split()[:3]
    print(f"load average before: {' '.join(load_before)}; after: {' '.join(load_after)}")
    report(shapes, results, args.out)


if __name__ == "__main__":
    main()
