"""Kernel start and 1+1 latency, for docs/kernel.md (not a test).

    JUPYTER_PATH=target/jupyter/share/jupyter /usr/bin/python3 src/test/python/kernel_timing.py [KERNEL] [ROUNDS]
Prints, per round: time until kernel_info is answered, the first 1+1, and the median of 20 more.
"""
import statistics
import sys
import time

import jupyter_client

name = sys.argv[1] if len(sys.argv) > 1 else "java"
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
for _ in range(rounds):
    t0 = time.time()
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name=name, startup_timeout=120)
    ready = time.time() - t0

    def run():
        t = time.time()
        kc.execute_interactive("1+1", timeout=60, output_hook=lambda m: None)
        return time.time() - t

    first = run()
    med = statistics.median(run() for _ in range(20))
    print(f"{name}: ready {ready:.2f} s, first 1+1 {first * 1000:.0f} ms, median 1+1 {med * 1000:.0f} ms", flush=True)
    kc.stop_channels()
    km.shutdown_kernel(now=True)
