#!/usr/bin/python3
"""Prints bench/run's table from the JSON lines it collected (engine.jsonl, peer.jsonl, rss.jsonl)."""
import json
import os
import sys


def read(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def main(folder, load_note):
    engine = {r["case"]: r for r in read(os.path.join(folder, "engine.jsonl"))}
    peer = {r["case"]: r for r in read(os.path.join(folder, "peer.jsonl")) if r.get("kind") == "model"}
    rss = {(r["side"], r["case"]): r["max_rss_kib"] / 1024 for r in read(os.path.join(folder, "rss.jsonl"))}
    for r in read(os.path.join(folder, "peer.jsonl")):
        if r.get("kind") == "peak" and r.get("threads") == 2 and "gflops" in r:
            print("machine limit: %-32s %6.1f GFLOP/s (2 threads)" % (r["op"], r["gflops"]))

    def fmt(v, spec="%.1f"):
        return spec % v if v is not None else "-"

    print("%-20s | %9s %9s | %9s %9s | %7s %7s | %6s %6s | %8s %8s | %s" % (
        "case", "eng train", "peer", "eng infer", "peer", "train", "infer",
        "eGF/s", "pGF/s", "eng RSS", "peer RSS", "foreign CPU eng/peer"))
    ratios = []
    for case, e in engine.items():
        p = peer.get(case)
        tr = e["train_img_s"] / p["train_img_s"] if p else None
        ir = e["infer_img_s"] / p["infer_img_s"] if p else None
        gflop_img = p.get("train_gflop_per_img") if p else None
        egf = e["train_img_s"] * gflop_img if gflop_img else None
        pgf = p["train_gflops"] if p else None
        foreign = "%.2f/%s" % (
            max(e["train_contention"]["foreign_cpu_frac"], e["infer_contention"]["foreign_cpu_frac"]),
            "%.2f" % max(p["train_contention"]["foreign_cpu_frac"], p["infer_contention"]["foreign_cpu_frac"])
            if p else "-")
        print("%-20s | %9.1f %9s | %9.1f %9s | %7s %7s | %6s %6s | %8s %8s | %s" % (
            case, e["train_img_s"], fmt(p and p["train_img_s"]), e["infer_img_s"],
            fmt(p and p["infer_img_s"]), fmt(tr, "%.3fx"), fmt(ir, "%.3fx"), fmt(egf), fmt(pgf),
            fmt(rss.get(("engine", case)), "%.0fM"), fmt(rss.get(("peer", case)), "%.0fM"), foreign))
        btr = p["train_min_s"] / e["train_min_s"] if p and "train_min_s" in e else None
        bir = p["infer_min_s"] / e["infer_min_s"] if p and "infer_min_s" in e else None
        ratios.append((case, tr, ir, btr, bir))
    print("(images/s; eGF/s, pGF/s = training GFLOP/s from the peer's FLOP count; RSS = peak, MiB;"
          " foreign CPU = share of both CPUs used by other processes while timing; %s)" % load_note)
    for case, tr, ir, _, _ in ratios:
        print("RATIO %s train=%s infer=%s" % (case, fmt(tr, "%.3f"), fmt(ir, "%.3f")))
    print("(RATIO: medians, as the peer measures. The same from each side's fastest iteration, less"
          " sensitive to other processes on a shared machine:)")
    for case, _, _, btr, bir in ratios:
        print("RATIO_BEST %s train=%s infer=%s" % (case, fmt(btr, "%.3f"), fmt(bir, "%.3f")))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "")
