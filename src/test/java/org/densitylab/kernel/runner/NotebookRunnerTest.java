package org.densitylab.kernel.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every notebook in {@code notebooks/} through the kernel's evaluator in quick mode (one forked JVM
 * per notebook, started in the notebook's folder, with the redefine agent), so {@code mvn test} alone
 * catches a broken notebook; and checks that bad notebooks give clear errors.
 */
class NotebookRunnerTest extends QuietTest {
    private static final Path NOTEBOOKS = Path.of("notebooks");
    /** Quick mode, with the notebooks' results in a fresh folder (never the checkout's results/local). */
    private static Map<String, String> quick(Path out) {
        return Map.of(NotebookBatch.QUICK_ENV, "1", org.densitylab.plot.Notebooks.RESULTS_ENV, out.resolve("results").toString());
    }

    @Test
    void everyNotebookRunsInQuickMode(@TempDir Path out) throws Exception {
        List<Path> notebooks = NotebookBatch.find(List.of(NOTEBOOKS));
        assertFalse(notebooks.isEmpty(), "no notebooks found in " + NOTEBOOKS.toAbsolutePath());
        List<NotebookBatch.Outcome> outcomes = NotebookBatch.runAll(notebooks, out, quick(out), List.of("-Xmx2g"), 15);
        for (NotebookBatch.Outcome o : outcomes) {
            assertTrue(o.result().ok(), o.notebook() + ": " + o.result().error() + "\nlog:\n"
                    + (Files.exists(o.log()) ? Files.readString(o.log()) : "(none)"));
            assertEquals(o.result().codeCells(), o.result().cellsRun());
            JsonObject nb = JsonParser.parseString(Files.readString(o.executed())).getAsJsonObject();
            for (JsonElement c : nb.getAsJsonArray("cells")) {
                JsonObject cell = c.getAsJsonObject();
                if (cell.get("cell_type").getAsString().equals("code")) {
                    assertTrue(cell.get("execution_count").isJsonPrimitive(), "every code cell ran");
                }
            }
        }
    }

    @Test
    void theTourShowsATableAndAPlot(@TempDir Path out) throws Exception {
        NotebookBatch.Outcome o = NotebookBatch.runAll(List.of(NOTEBOOKS.resolve("00-tour.ipynb")), out, quick(out),
                List.of("-Xmx2g"), 15).get(0);
        assertTrue(o.result().ok(), o.result().error());
        List<String> mimes = outputMimes(o.executed());
        assertTrue(mimes.contains("text/html"), mimes.toString());
        assertTrue(mimes.contains("image/png"), mimes.toString());
        Path report = HtmlReport.write(List.of(o), out.resolve("index.html"), true);
        String html = Files.readString(report);
        assertTrue(html.contains("data:image/png;base64,iVBOR"), "the report embeds the plot");
        assertTrue(html.contains("<caption>negativity per cut"), "the report shows the table");
    }

    @Test
    void badNotebooksGiveClearErrorsTheAgentKeepsVariablesAndNd4jLoads(@TempDir Path dir) throws Exception {
        Path invalid = Files.writeString(dir.resolve("a-invalid.ipynb"), "{\"cells\": [ {\"cell_type\": ");
        Path failing = notebook(dir.resolve("b-failing.ipynb"), "int x = 1;", "throw new IllegalStateException(\"no\");",
                "x + 1");
        Path missingJar = notebook(dir.resolve("c-missing-jar.ipynb"), "%jars missing/*.jar");
        Path nulls = notebook(dir.resolve("d-redefine.ipynb"), "import java.text.*;",
                "var d = new DecimalFormat(\"0.00\");", "import java.util.zip.*;\nimport java.beans.*;",
                "var q = new StringBuilder(\"x\");", "// comment\nimport java.util.jar.*;",
                "d.format(3.14159) + \" \" + q.length()");
        Path nd4j = notebook(dir.resolve("e-nd4j.ipynb"),
                "org.nd4j.linalg.factory.Nd4j.ones(2, 2).sumNumber().intValue() + \" \" + "
                        + "org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getSimpleName()");
        Path markdown = notebook(dir.resolve("f-markdown.ipynb"), "System.out.println(\"printed\");");
        JsonObject nb = JsonParser.parseString(Files.readString(markdown)).getAsJsonObject();
        JsonObject md = new JsonObject();
        md.addProperty("cell_type", "markdown");
        md.add("metadata", new JsonObject());
        md.addProperty("source", "# The title\n\nSome **bold** text and `code`.");
        nb.getAsJsonArray("cells").add(md);
        nb.addProperty("nbformat_minor", 4);
        Files.writeString(markdown, nb.toString());
        List<NotebookBatch.Outcome> r = NotebookBatch.runAll(List.of(invalid, failing, missingJar, nulls, nd4j,
                markdown), dir.resolve("out"), Map.of(NotebookBatch.QUICK_ENV, "1", "IJAVA_STARTUP_SCRIPT",
                "System.out.println(\"from start-up\");"), List.of("-Xmx1g"), 5);

        assertTrue(r.get(0).result().error().contains("not a valid notebook (JSON)"), r.get(0).result().error());
        assertEquals(1, r.get(1).result().failedCell());
        assertTrue(r.get(1).result().error().contains("IllegalStateException: no"), r.get(1).result().error());
        JsonArray cells = JsonParser.parseString(Files.readString(r.get(1).executed())).getAsJsonObject()
                .getAsJsonArray("cells");
        JsonObject err = cells.get(1).getAsJsonObject().getAsJsonArray("outputs").get(0).getAsJsonObject();
        assertEquals("error", err.get("output_type").getAsString());
        assertEquals("java.lang.IllegalStateException", err.get("ename").getAsString());
        assertTrue(cells.get(2).getAsJsonObject().get("execution_count").isJsonNull(), "not run after the error");
        assertTrue(r.get(2).result().error().contains("%jars: nothing matches 'missing/*.jar'"),
                r.get(2).result().error());
        assertTrue(r.get(3).result().ok(), r.get(3).result().error());
        assertEquals("3.14 1", lastText(r.get(3).executed()));
        assertFalse(Files.readString(r.get(3).log()).contains(NotebookRunner.NO_AGENT),
                "the forked runner redefines classes through the agent");
        assertTrue(r.get(4).result().ok(), r.get(4).result().error());
        assertEquals("4 CpuBackend", lastText(r.get(4).executed()), "ND4J finds its backend under JShell");

        // executed notebooks: nbformat 4.5 cell ids, readable by others, Markdown rendered in the report
        JsonObject executed = JsonParser.parseString(Files.readString(r.get(5).executed())).getAsJsonObject();
        assertEquals(5, executed.get("nbformat_minor").getAsInt());
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (JsonElement c : executed.getAsJsonArray("cells")) {
            assertTrue(c.getAsJsonObject().get("id").getAsString().matches("[a-zA-Z0-9_-]{1,64}"));
            ids.add(c.getAsJsonObject().get("id").getAsString());
        }
        assertEquals(2, ids.size(), "unique ids");
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(r.get(5).executed())));
        Path report = HtmlReport.write(r, dir.resolve("out/index.html"), true);
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(report)));
        String html = Files.readString(report);
        assertTrue(html.contains("<h1>The title</h1>") && html.contains("<strong>bold</strong>")
                && html.contains("<code>code</code>"), "Markdown rendered as HTML");
        assertFalse(html.contains("**bold**"), "no raw Markdown");

        // --in-place: the notebook that ran gets its outputs back in its source (start-up output shown in
        // its first cell); the failing one is left alone
        String failingBefore = Files.readString(failing);
        List<String> said = NotebookBatch.writeBack(r);
        assertEquals(failingBefore, Files.readString(failing));
        assertTrue(said.get(1).startsWith("not written back: b-failing.ipynb failed"), said.toString());
        assertEquals(Files.readString(r.get(5).executed()), Files.readString(markdown));
        assertEquals("from start-up\nprinted\n", NotebookRunner.source(JsonParser.parseString(Files.readString(markdown))
                .getAsJsonObject().getAsJsonArray("cells").get(0).getAsJsonObject().getAsJsonArray("outputs").get(0)
                .getAsJsonObject().get("text")));
    }

    private static Path notebook(Path file, String... sources) throws IOException {
        JsonArray cells = new JsonArray();
        for (String s : sources) {
            JsonObject c = new JsonObject();
            c.addProperty("cell_type", "code");
            c.add("metadata", new JsonObject());
            c.addProperty("source", s);
            c.add("outputs", new JsonArray());
            c.add("execution_count", null);
            cells.add(c);
        }
        JsonObject nb = new JsonObject();
        nb.add("cells", cells);
        nb.add("metadata", new JsonObject());
        nb.addProperty("nbformat", 4);
        nb.addProperty("nbformat_minor", 5);
        return Files.writeString(file, nb.toString());
    }

    private static List<String> outputMimes(Path executed) throws IOException {
        List<String> mimes = new ArrayList<>();
        for (JsonElement c : JsonParser.parseString(Files.readString(executed)).getAsJsonObject().getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (cell.has("outputs")) {
                for (JsonElement o : cell.getAsJsonArray("outputs")) {
                    if (o.getAsJsonObject().has("data")) {
                        mimes.addAll(o.getAsJsonObject().getAsJsonObject("data").keySet());
                    }
                }
            }
        }
        return mimes;
    }

    private static String lastText(Path executed) throws IOException {
        JsonArray cells = JsonParser.parseString(Files.readString(executed)).getAsJsonObject().getAsJsonArray("cells");
        JsonArray outs = cells.get(cells.size() - 1).getAsJsonObject().getAsJsonArray("outputs");
        return NotebookRunner.source(outs.get(outs.size() - 1).getAsJsonObject().getAsJsonObject("data").get("text/plain"));
    }
}
