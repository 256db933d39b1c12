"""Protocol conformance of the DensityLab Java kernel with Debian's jupyter_kernel_test.

Run by .ci/notebooks.sh with the kernelspec installed as "java" (JUPYTER_PATH pointing at it):
    /usr/bin/python3 -m unittest -v src/test/python/test_kernel.py
Besides the standard KernelTests it checks the fixes the kernel exists for: variables that survive later
imports (kernel study section 4.5), interrupt of a sleeping cell, and a cell error that leaves the kernel
usable.
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
