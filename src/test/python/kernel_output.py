"""Output delivery of one or more installed kernels, for docs/kernel.md (not a test; the test is
test_kernel.py's test_200000_lines_arrive_complete_in_order_then_idle).

    JUPYTER_PATH=target/jupyter/share/jupyter /usr/bin/python3 src/test/python/kernel_output.py LINES KERNEL...
Runs the kernels one after another in this invocation: each prints LINES lines in one cell; prints how many
arrived, in how many stream messages, and whether (and when) the kernel reported idle, giving up after 120 s.
"""
import sys
import time

from jupyter_client.manager import start_new_kernel

lines = int(sys.argv[1])
for name in sys.argv[2:]:
    km, kc = start_new_kernel(kernel_name=name)
    try:
        kc.execute_interactive("1+1", timeout=60, output_hook=lambda m: None)
        got, idle = [], False
        t0 = time.monotonic()
        msg_id = kc.execute('for (int i = 0; i < %d; i++) System.out.println("line " + i);' % lines)
        while time.monotonic() - t0 < 120:
            try:
                m = kc.get_iopub_msg(timeout=1)
            except Exception:  # queue.Empty: nothing within a second, keep waiting
                continue
            if m["parent_header"].get("msg_id") != msg_id:
                continue
            if m["msg_type"] == "stream":
                got.append(m["content"]["text"])
            if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
                idle = True
                break
        seconds = time.monotonic() - t0
        received = "".join(got).count("\n")
        print("%s: %d lines printed, %d received in %d messages, %s" % (
            name, lines, received, len(got),
            "idle after %.2f s" % seconds if idle else "no idle within 120 s"))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
