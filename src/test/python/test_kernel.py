"""Protocol conformance of the DensityLab Java kernel with Debian's jupyter_kernel_test.

Run by .ci/notebooks.sh with the kernelspec installed as "java" (JUPYTER_PATH pointing at it):
    /usr/bin/python3 -m unittest -v src/test/python/test_kernel.py
Besides the standard KernelTests it checks the fixes the kernel exists for: variables that survive later
imports (kernel study section 4.5), interrupt of a sleeping cell, a cell error that leaves the kernel
usable, output that is never lost (200,000 lines, output from background threads) and errors that read like
Java (the exception's class as ename, In [N] instead of JShell's snippet numbers).
"""
import os
import time
import unittest

import jupyter_kernel_test


class DensityLabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = os.environ.get("DENSITYLAB_KERNEL_NAME", "java")
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("oops");'
    code_page_something = None
    code_generate_error = 'throw new IllegalStateException("expected failure");'
    code_display_data = [
        {"code": 'display("<b>bold</b>", "text/html");', "mime": "text/html"},
        {"code": "display(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
    ]
    code_execute_result = [
        {"code": "1+1", "result": "2"},
        {"code": "int a = 6; a * 7", "result": "42"},
        {"code": '"abc".toUpperCase()', "result": "ABC"},
    ]
    completion_samples = [{"text": "Math.ab", "matches": {"abs(", "absExact("}}]
    complete_code_samples = ["1 + 1;", "int x = 3;", "%jars lib"]
    incomplete_code_samples = ["int x = (1 +", "for (int i = 0; i < 3; i++) {", 'String s = """']
    invalid_code_samples = ["1 + ;", ")"]
    code_inspect_sample = "Math.max"

    def run_cells(self, *cells, timeout=60):
        self.flush_channels()
        results = []
        for code in cells:
            reply, outputs = self.execute_helper(code=code, timeout=timeout)
            results.append((reply["content"], outputs))
        return results

    def last_text(self, outputs):
        for msg in reversed(outputs):
            if msg["msg_type"] == "execute_result":
                return msg["content"]["data"]["text/plain"]
        return None

    def test_variables_survive_later_imports(self):
        """Kernel study 4.5 repros A, B and C: no variable becomes null after an import."""
        a = self.run_cells('import java.text.*;', 'var d = new DecimalFormat("0.00");',
                           'import java.util.zip.*;\nimport java.beans.*;', 'd.format(3.14159)')
        self.assertEqual(a[-1][0]["status"], "ok")
        self.assertEqual(self.last_text(a[-1][1]), "3.14")
        b = self.run_cells('import java.text.*;\nvar e = new DecimalFormat("0.0");\n'
                           'import java.util.zip.*;\nimport java.beans.*;\ne.format(2.25)')
        self.assertEqual(self.last_text(b[-1][1]), "2.2")
        c = self.run_cells('var q = new StringBuilder("x");', '// comment\nimport java.util.jar.*;', 'q.length()')
        self.assertEqual(c[-1][0]["status"], "ok")
        self.assertEqual(self.last_text(c[-1][1]), "1")

    def test_interrupt_sleeping_cell(self):
        self.flush_channels()
        msg_id = self.kc.execute("Thread.sleep(60_000);")
        time.sleep(1.5)
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=20)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "error")
        time.sleep(0.5)
        after = self.run_cells("40 + 2")
        self.assertEqual(self.last_text(after[0][1]), "42")

    def test_error_then_kernel_still_works(self):
        res = self.run_cells('%jars /no/such/dir/*.jar', 'Integer.parseInt("x")', '1 + 2')
        self.assertEqual(res[0][0]["status"], "error")
        self.assertEqual(res[1][0]["status"], "error")
        errors = [m["content"] for m in res[1][1] if m["msg_type"] == "error"]
        self.assertIn("NumberFormatException", errors[0]["traceback"][0])
        self.assertEqual(self.last_text(res[2][1]), "3")

    def test_kernel_dependencies_are_not_visible_to_notebooks(self):
        """basekernel and jeromq are relocated: a notebook can bring its own versions."""
        res = self.run_cells('java.util.stream.Stream.of("io.github.spencerpark.jupyter.kernel.BaseKernel", '
                             '"org.zeromq.ZMQ", "com.neilalexander.jnacl.NaCl").filter(n -> { try { Class.forName(n); '
                             'return true; } catch (ClassNotFoundException e) { return false; } }).count()')
        self.assertEqual(self.last_text(res[0][1]), "0")

    def collect_until_idle(self, msg_id, timeout):
        """Every iopub message of one request up to its idle status (fails if idle does not come in time)."""
        msgs = []
        deadline = time.monotonic() + timeout
        while True:
            msg = self.kc.get_iopub_msg(timeout=max(0.1, deadline - time.monotonic()))
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            msgs.append(msg)
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return msgs

    def test_200000_lines_arrive_complete_in_order_then_idle(self):
        """Issue 11: one message per println lost a third of 20,000 lines and never reported idle."""
        self.flush_channels()
        msg_id = self.kc.execute('for (int i = 0; i < 200_000; i++) System.out.println("line " + i);')
        msgs = self.collect_until_idle(msg_id, timeout=120)
        streams = [m for m in msgs if m["msg_type"] == "stream"]
        text = "".join(m["content"]["text"] for m in streams)
        self.assertEqual(text, "".join("line %d\n" % i for i in range(200_000)))
        self.assertLess(len(streams), 2000, "output is batched, not one message per line")
        self.assertEqual(msgs[-1]["content"]["execution_state"], "idle")
        reply = self.kc.get_shell_msg(timeout=10)
        self.assertEqual(reply["content"]["status"], "ok")

    def test_output_of_a_background_thread_goes_to_the_running_cell_or_the_last(self):
        self.flush_channels()
        first = self.kc.execute('new Thread(() -> { try { Thread.sleep(400); } catch (InterruptedException e) { }'
                                ' System.out.println("from the thread"); }).start();')
        self.collect_until_idle(first, timeout=30)
        second = self.kc.execute("Thread.sleep(2000);")
        msgs = self.collect_until_idle(second, timeout=30)
        text = "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream")
        self.assertEqual(text, "from the thread\n", "shown under the cell that was running")
        third = self.kc.execute('new Thread(() -> { try { Thread.sleep(300); } catch (InterruptedException e) { }'
                                ' System.err.println("late"); }).start();')
        self.collect_until_idle(third, timeout=30)
        late = self.kc.get_iopub_msg(timeout=10)
        self.assertEqual(late["msg_type"], "stream")
        self.assertEqual(late["parent_header"]["msg_id"], third, "after its cell ended: still under that cell")
        self.assertEqual((late["content"]["name"], late["content"]["text"]), ("stderr", "late\n"))

    def test_errors_read_like_java(self):
        res = self.run_cells('String nothing = null;', 'int len(String s) {\n  return s.length();\n}',
                             'int ok = 1;\nlen(nothing)', 'int bad = undefinedName;')
        count = res[2][0]["execution_count"]
        errors = [m["content"] for m in res[2][1] if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)
        self.assertEqual(errors[0]["ename"], "java.lang.NullPointerException")
        self.assertTrue(errors[0]["evalue"].startswith('Cannot invoke "String.length()"'), errors[0]["evalue"])
        self.assertEqual(errors[0]["traceback"][1:], ["\tat len(In [%d]:2)" % (count - 1), "\tat cell(In [%d]:2)" % count])
        compile_errors = [m["content"] for m in res[3][1] if m["msg_type"] == "error"]
        self.assertEqual(len(compile_errors), 1)
        tb = compile_errors[0]["traceback"]
        self.assertEqual(compile_errors[0]["ename"], "CompilationException")
        self.assertEqual(tb[0], "In [%d]:1: error: cannot find symbol" % (count + 1))
        self.assertEqual(sum("cannot find symbol" in line for line in tb), 1, "the message once")
        self.assertNotIn("$JShell$", "\n".join(tb))

    def test_system_in_asks_the_front_end(self):
        self.flush_channels()
        msg_id = self.kc.execute('new java.util.Scanner(System.in).nextLine().toUpperCase()', allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=30)
        self.assertEqual(request["msg_type"], "input_request")
        self.kc.input("abc")
        msgs = self.collect_until_idle(msg_id, timeout=30)
        results = [m["content"]["data"]["text/plain"] for m in msgs if m["msg_type"] == "execute_result"]
        self.assertEqual(results, ["ABC"])

    def test_kernel_info_has_status(self):
        self.flush_channels()
        msg_id = self.kc.kernel_info()
        reply = self.kc.get_shell_msg(timeout=10)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["content"]["status"], "ok")

    def test_history_reply(self):
        self.flush_channels()
        msg_id = self.kc.history()
        reply = self.kc.get_shell_msg(timeout=10)
        self.assertEqual(reply["parent_header"]["msg_id"], msg_id)
        self.assertEqual(reply["msg_type"], "history_reply")


if __name__ == "__main__":
    unittest.main()
