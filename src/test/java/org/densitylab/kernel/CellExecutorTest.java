package org.densitylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluator and magics the kernel and the runner share, in this JVM (no agent here, so the
 * comment-stripping fallback of the redefine fix is what runs; the agent path is tested through the
 * forked runner in {@code NotebookRunnerTest}).
 */
class CellExecutorTest extends QuietTest {
    private static CellExecutor cells;
    private static final List<String> DISPLAYED = new ArrayList<>();

    @BeforeAll
    static void start() throws CellException {
        cells = new CellExecutor(KernelConfig.defaults(), Path.of(""), new PrintStream(
                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Display.attach(new OutputSink() {
            @Override
            public void display(MimeBundle bundle, String displayId) {
                DISPLAYED.add(String.join(",", bundle.data().keySet()));
            }

            @Override
            public void updateDisplay(String displayId, MimeBundle bundle) {
                DISPLAYED.add("update:" + String.join(",", bundle.data().keySet()));
            }
        });
    }

    @AfterAll
    static void stop() {
        Display.attach(null);
        cells.close();
    }

    @Test
    void lastExpressionIsTheValueAsARealObject() throws CellException {
        assertEquals(2, cells.execute("1+1"));
        assertEquals(42, cells.execute("int a = 6; a * 7"));
        assertEquals("ABC", cells.execute("\"abc\".toUpperCase();"));
        Object img = cells.execute("new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB)");
        assertTrue(img instanceof BufferedImage);
        assertSame(JShellEvaluator.NO_VALUE, cells.execute("int unused = 5;"));
        assertSame(JShellEvaluator.NO_VALUE, cells.execute("String.valueOf(1); display(\"x\");"));
        assertSame(JShellEvaluator.NO_VALUE, cells.execute("printf(\"%s\", \"\"); System.out.printf(\"\");"));
    }

    @Test
    void multiSnippetCellsForwardReferencesAndTextBlocks() throws CellException {
        cells.execute("int twice(int x) { return helper(x) * 2; }");
        cells.execute("int helper(int x) { return x + 1; }");
        assertEquals(8, cells.execute("twice(3)"));
        assertEquals("a;b", cells.execute("String t = \"\"\"\n  a;b\"\"\";\nt.strip()"));
        assertEquals(3, cells.execute("record P(int x, int y) {}\nvar p = new P(1, 2);\np.x() + p.y()"));
    }

    @Test
    void variablesSurviveLaterImports() throws CellException {
        // Kernel study 4.5, repros A and C.
        cells.execute("import java.text.*;");
        cells.execute("var d = new DecimalFormat(\"0.00\");");
        cells.execute("import java.util.zip.*;\nimport java.beans.*;");
        assertEquals("3.14", cells.execute("d.format(3.14159)"));
        cells.execute("var q = new StringBuilder(\"x\");");
        cells.execute("// comment\nimport java.util.jar.*;");
        assertEquals(1, cells.execute("q.length()"));
    }

    @Test
    void exceptionsBecomeCellErrorsWithTheRealClassAndTheShellKeepsWorking() throws CellException {
        CellException e = assertThrows(CellException.class, () -> cells.execute("Integer.parseInt(\"x\")"));
        assertEquals("java.lang.NumberFormatException", e.ename());
        assertTrue(e.traceback().get(0).contains("NumberFormatException"), e.traceback().toString());
        CellException c = assertThrows(CellException.class, () -> cells.execute("int broken = ;"));
        assertEquals("CompilationException", c.ename());
        assertTrue(c.traceback().stream().anyMatch(l -> l.contains("int broken = ;")));
        CellException inc = assertThrows(CellException.class, () -> cells.execute("int y = (1 +"));
        assertEquals("IncompleteInput", inc.ename());
        assertEquals(7, cells.execute("3 + 4"));
    }

    @Test
    void errorsNameTheCellAndLineTheUserSeesNotJShellSnippets() throws CellException {
        cells.execute("int half(int x) {\n    int y = 2;\n    return x / (y - 2);\n}", "In [3]");
        CellException e = assertThrows(CellException.class,
                () -> cells.execute("int a = 1;\n\n// the call\nhalf(a)", "In [7]"));
        assertEquals("java.lang.ArithmeticException", e.ename());
        assertEquals(List.of("java.lang.ArithmeticException: / by zero", "\tat half(In [3]:3)", "\tat cell(In [7]:4)"),
                e.traceback());
        String all = String.join("\n", e.traceback());
        assertFalse(all.contains("snippet") || all.contains("#"), all);
    }

    @Test
    void exceptionsOfClassesDefinedInCellsUseTheirOwnNames() throws CellException {
        cells.execute("class Boom extends RuntimeException { Boom(String m) { super(m); } }\n"
                + "class Thrower { void go() { throw new Boom(\"bad\"); } }", "In [4]");
        CellException e = assertThrows(CellException.class, () -> cells.execute("new Thrower().go();", "In [5]"));
        assertEquals("Boom", e.ename());
        assertEquals(List.of("Boom: bad", "\tat Thrower.go(In [4]:2)", "\tat cell(In [5]:1)"), e.traceback());
    }

    @Test
    void nullPointerMessagesNameTheVariableNotTheWrapperClass() throws CellException {
        cells.execute("String nothing = null;", "In [8]");
        CellException e = assertThrows(CellException.class, () -> cells.execute("nothing.length()", "In [9]"));
        assertEquals("java.lang.NullPointerException", e.ename());
        // helpful NPE messages are on by default since JDK 15; JShell's field would read "REPL.$JShell$40.nothing"
        assertEquals("Cannot invoke \"String.length()\" because \"nothing\" is null", e.evalue());
        assertFalse(String.join("\n", e.traceback()).contains("$JShell$"), e.traceback().toString());
    }

    @Test
    void compileErrorsAreShownOnceAtTheCellLine() {
        CellException e = assertThrows(CellException.class,
                () -> cells.execute("int ok = 1;\nint bad = undefinedName + 1;", "In [12]"));
        assertEquals("CompilationException", e.ename());
        assertEquals("cannot find symbol", e.evalue());
        assertEquals(List.of("In [12]:2: error: cannot find symbol", "int bad = undefinedName + 1;",
                "          ^-----------^".replace('-', '^'), "  symbol:   variable undefinedName"), e.traceback());
    }

    @Test
    void magicsWithMissingFilesExplainTheFix(@TempDir Path dir) throws Exception {
        CellException jars = assertThrows(CellException.class, () -> cells.execute("%jars /no/such/dir/*.jar"));
        assertTrue(jars.evalue().contains("nothing matches '/no/such/dir/*.jar'"), jars.evalue());
        CellException unknown = assertThrows(CellException.class, () -> cells.execute("%frobnicate"));
        assertTrue(unknown.evalue().contains("unknown magic"), unknown.evalue());
        CellException cellMagic = assertThrows(CellException.class, () -> cells.execute("%%bash\nls"));
        assertTrue(cellMagic.evalue().contains("not supported"), cellMagic.evalue());
        Path script = dir.resolve("helpers.jsh");
        Files.writeString(script, "int fromScript() { return 41; }\n");
        assertEquals(42, cells.execute("%load " + script + "\nfromScript() + 1"));
    }

    @Test
    void classpathMagicAddsClassesForLaterCells(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("src/demo/Hello.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, "package demo; public class Hello { public static String hi() { return \"hi\"; } }");
        Path classes = dir.resolve("classes");
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, new ByteArrayOutputStream(),
                "-d", classes.toString(), src.toString());
        assertEquals(0, rc);
        assertEquals("hi", cells.execute("%classpath " + classes + "\ndemo.Hello.hi()"));
    }

    @Test
    void mavenMagicResolvesThroughTheLocalRepositoryAndCentral() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("mvn"), "needs Maven on the PATH");
        Object where = cells.execute("%maven org.apache.commons:commons-text:1.10.0\n"
                + "org.apache.commons.text.WordUtils.capitalize(\"to be\") + \" \" + "
                + "org.apache.commons.text.WordUtils.class.getProtectionDomain().getCodeSource().getLocation()");
        assertTrue(String.valueOf(where).startsWith("To Be file:"), String.valueOf(where));
        assertTrue(String.valueOf(where).endsWith("commons-text-1.10.0.jar"), String.valueOf(where));
        CellException bad = assertThrows(CellException.class, () -> cells.execute("%maven not-a-coordinate"));
        assertTrue(bad.evalue().contains("is not group:artifact"), bad.evalue());
    }

    private static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void interruptStopsASleepingCell() throws Exception {
        CompletableFuture<Throwable> f = CompletableFuture.supplyAsync(() -> {
            try {
                cells.execute("Thread.sleep(60_000);");
                return null;
            } catch (CellException e) {
                return e;
            }
        });
        Thread.sleep(1500);
        cells.evaluator().control().stop();
        Throwable t = f.get(20, TimeUnit.SECONDS);
        assertTrue(t instanceof CellException, String.valueOf(t));
        assertEquals("java.lang.InterruptedException", ((CellException) t).ename());
        assertEquals(5, cells.execute("2 + 3"));
    }

    @Test
    void completionInspectionAndIsComplete() {
        JShellEvaluator ev = cells.evaluator();
        JShellEvaluator.Completions c = ev.complete("int k = 1; Math.ab", 18);
        assertTrue(c.matches().contains("abs("), c.matches().toString());
        assertEquals(16, c.start());
        assertTrue(ev.inspect("Math.max", 8).contains("max("), ev.inspect("Math.max", 8));
        assertEquals("complete", ev.isComplete("1 + 1;"));
        assertEquals("incomplete", ev.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("invalid", ev.isComplete("1 + ;"));
    }

    @Test
    void displayGoesToTheSinkWithRichTypes() throws CellException {
        DISPLAYED.clear();
        cells.execute("display(\"<b>x</b>\", \"text/html\");");
        cells.execute("String id = display(new java.awt.image.BufferedImage(2, 2, 1)); updateDisplay(id, \"done\");");
        assertEquals(List.of("text/html", "text/plain,image/png", "update:text/plain"), DISPLAYED);
    }

    @Test
    void rendererKnowsTablesChartsAndBundles() {
        NotebookRenderer r = new NotebookRenderer();
        var table = tech.tablesaw.api.Table.create("t", tech.tablesaw.api.IntColumn.create("n", 1, 2));
        MimeBundle t = r.render(table);
        assertTrue(t.get("text/html").contains("<th>n</th>"), t.get("text/html"));
        assertTrue(t.get("text/plain").contains("n"));
        // text/plain has the same digits and headers as the HTML: 0.1 + 0.2 is 0.30000000000000004 in binary
        var sums = tech.tablesaw.api.Table.create("s", tech.tablesaw.api.DoubleColumn.create("fidelitySd", 0.1 + 0.2));
        MimeBundle s = r.render(sums);
        assertFalse(s.get("text/plain").contains("0.30000000000000004"), s.get("text/plain"));
        assertTrue(s.get("text/plain").contains("0.3 "), s.get("text/plain"));
        assertTrue(s.get("text/plain").contains("fidelity SD"), s.get("text/plain"));
        assertTrue(s.get("text/html").contains("fidelity SD") && s.get("text/html").contains(">0.3<"), s.get("text/html"));
        var chart = new org.knowm.xchart.XYChartBuilder().width(60).height(40).build();
        chart.addSeries("s", new double[] {0, 1}, new double[] {1, 0});
        assertTrue(r.render(chart).get("image/png").startsWith("iVBOR"), "PNG magic in base64");
        MimeBundle html = r.render("<i>a</i>", "text/html");
        assertEquals("<i>a</i>", html.get("text/html"));
        assertFalse(html.data().containsKey("text/plain"));
    }
}
