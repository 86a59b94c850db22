#!/usr/bin/python3
"""Waits until other processes use less than THRESHOLD of the CPUs (or MAX_WAIT seconds pass).

bench/run calls it before each measurement: on this shared 2-core machine a concurrent build makes
OpenMP threads stall at barriers and figures scatter by 10x. Prints what it saw on stderr.
Usage: wait_quiet.py MAX_WAIT_S [THRESHOLD=0.08]
"""
import os
import sys
import time


def busy():
    with open("/proc/stat") as f:
        v = [int(t) for t in f.readline().split()[1:]]
    return time.perf_counter(), (v[0] + v[1] + v[2] + v[5] + v[6]) / os.sysconf("SC_CLK_TCK")


def main(max_wait, threshold):
    t0 = time.perf_counter()
    while True:
        a = busy()
        time.sleep(3)
        b = busy()
        frac = (b[1] - a[1]) / ((b[0] - a[0]) * (os.cpu_count() or 1))
        waited = time.perf_counter() - t0
        if frac < threshold or waited >= max_wait:
            print("bench/run: waited %.0f s for a quiet machine; other processes use %.0f%% of the CPUs%s"
                  % (waited, 100 * frac, "" if frac < threshold else " (gave up waiting)"),
                  file=sys.stderr)
            return


if __name__ == "__main__":
    main(float(sys.argv[1]), float(sys.argv[2]) if len(sys.argv) > 2 else 0.08)
