package org.densitylab.kernel.runner;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.densitylab.kernel.CellException;
import org.densitylab.kernel.CellExecutor;
import org.densitylab.kernel.CellOutput;
import org.densitylab.kernel.Display;
import org.densitylab.kernel.JShellEvaluator;
import org.densitylab.kernel.KernelConfig;
import org.densitylab.kernel.KernelInstaller;
import org.densitylab.kernel.MimeBundle;
import org.densitylab.kernel.NotebookProgressRenderer;
import org.densitylab.kernel.OutputSink;
import org.densitylab.progress.Progress;

/**
 * Executes a notebook's code cells in this JVM through the kernel's own {@link CellExecutor}, with no
 * Jupyter and no Python, and records the outputs as Jupyter would: streams, {@code display_data} (updated
 * in place by {@code updateDisplay}), {@code execute_result} and {@code error}. Execution stops at the
 * first failing cell, like {@code nbconvert --execute}.
 *
 * <p>Relative paths in cells start at the JVM's working directory, so run it with the notebook's folder
 * as working directory ({@link NotebookBatch} forks one JVM per notebook for that).
 */
public final class NotebookRunner {
    /** Logged when the JVM has no redefine agent and the comment-stripping fallback is used. */
    static final String NO_AGENT = "no -javaagent: leading comments are stripped from snippets instead";

    private NotebookRunner() {
    }

    /**
     * The outcome of one notebook.
     *
     * @param cellsRun    code cells executed, the failing one included
     * @param codeCells   code cells in the notebook
     * @param failedCell  index among all cells of the failing cell, or -1
     * @param error       the error text, or null
     * @param seconds     wall time
     */
    public record Result(int cellsRun, int codeCells, int failedCell, String error, double seconds) {
        /** @return true when every code cell ran without error */
        public boolean ok() {
            return error == null;
        }
    }

    /**
     * Reads, executes and writes a notebook.
     *
     * @param in  the notebook
     * @param out where the executed copy goes (written atomically, also on failure)
     * @return the outcome
     * @throws IOException if the notebook cannot be read or written
     */
    public static Result run(Path in, Path out) throws IOException {
        long t0 = System.nanoTime();
        JsonObject nb;
        try {
            nb = JsonParser.parseString(Files.readString(in)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            return new Result(0, 0, -1, in + " is not a valid notebook (JSON): " + e.getMessage()
                    + "; repair or re-save it in Jupyter", seconds(t0));
        }
        JsonArray cells = nb.has("cells") && nb.get("cells").isJsonArray() ? nb.getAsJsonArray("cells") : null;
        if (cells == null) {
            return new Result(0, 0, -1, in + " has no \"cells\" list; is it an nbformat 4 notebook?",
                    seconds(t0));
        }
        int codeCells = 0;
        for (JsonElement c : cells) {
            if (c.isJsonObject() && "code".equals(str(c.getAsJsonObject().get("cell_type")))) {
                codeCells++;
            }
        }
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        Capture capture = new Capture();
        CellOutput output = new CellOutput(capture, CellOutput.INTERVAL_MILLIS, CellOutput.MAX_BYTES);
        capture.output = output;
        int run = 0;
        int failed = -1;
        String error = null;
        CellExecutor executor = null;
        try {
            System.setOut(output.stream("stdout"));
            System.setErr(output.stream("stderr"));
            Display.attach(capture);
            Progress.setRendererFactory(NotebookProgressRenderer::new);
            executor = new CellExecutor(KernelConfig.fromEnvironment(), Path.of(""), realErr);
            if (!executor.evaluator().redefinesInPlace()) {
                realErr.println(NO_AGENT);
            }
            for (String problem : executor.startupErrors()) {
                realErr.println("start-up setting failed: " + problem);
            }
            for (int i = 0; i < cells.size(); i++) {
                if (!cells.get(i).isJsonObject()) {
                    failed = i;
                    error = "cell " + i + " is not a JSON object; repair the notebook";
                    break;
                }
                JsonObject cell = cells.get(i).getAsJsonObject();
                if (!"code".equals(str(cell.get("cell_type")))) {
                    continue;
                }
                String source;
                try {
                    source = source(cell.get("source"));
                } catch (IllegalArgumentException e) {
                    failed = i;
                    error = "cell " + i + ": " + e.getMessage();
                    break;
                }
                run++;
                int count = run;
                output.inOrder(() -> capture.begin(count));
                try {
                    Object value = executor.execute(source, "In [" + run + "]");
                    MimeBundle result = value == JShellEvaluator.NO_VALUE ? null : Display.renderer().render(value);
                    output.inOrder(() -> capture.result(result));
                } catch (CellException e) {
                    output.inOrder(() -> capture.error(e));
                    failed = i;
                    error = "cell " + i + " (In [" + run + "]) failed: " + e.getMessage();
                } catch (RuntimeException e) {
                    CellException ce = new CellException(e.getClass().getName(), String.valueOf(e.getMessage()),
                            List.of(e.toString()));
                    output.inOrder(() -> capture.error(ce));
                    failed = i;
                    error = "cell " + i + " (In [" + run + "]) failed: " + e;
                }
                cell.add("outputs", capture.outputs());
                cell.addProperty("execution_count", run);
                if (error != null) {
                    break;
                }
            }
        } catch (CellException e) {
            error = "the kernel could not start: " + e.getMessage();
        } finally {
            output.close();
            Display.attach(null);
            Progress.resetRendererFactory();
            System.setOut(realOut);
            System.setErr(realErr);
            if (executor != null) {
                executor.close();
            }
        }
        if (failed >= 0) {
            for (int i = failed + 1; i < cells.size(); i++) {
                if (cells.get(i).isJsonObject()
                        && "code".equals(str(cells.get(i).getAsJsonObject().get("cell_type")))) {
                    cells.get(i).getAsJsonObject().add("outputs", new JsonArray());
                    cells.get(i).getAsJsonObject().add("execution_count", JsonNull.INSTANCE);
                }
            }
        }
        NotebookJson.addCellIds(nb);
        Files.createDirectories(out.toAbsolutePath().getParent());
        KernelInstaller.writeAtomically(out, NotebookJson.format(nb));
        return new Result(run, codeCells, failed, error, seconds(t0));
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String str(JsonElement e) {
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    static String source(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return "";
        }
        if (e.isJsonPrimitive()) {
            return e.getAsString();
        }
        if (e.isJsonArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonElement line : e.getAsJsonArray()) {
                if (!line.isJsonPrimitive()) {
                    throw new IllegalArgumentException("\"source\" must be a string or a list of strings");
                }
                sb.append(line.getAsString());
            }
            return sb.toString();
        }
        throw new IllegalArgumentException("\"source\" must be a string or a list of strings");
    }

    /**
     * Collects one cell's outputs in order, merging consecutive text of the same stream as Jupyter
     * does. Text arrives in batches from the {@link CellOutput}; rich output goes through it too, so
     * that it lands after the text printed before it.
     */
    private static final class Capture implements OutputSink, CellOutput.Target {
        private CellOutput output;
        private JsonArray outputs = new JsonArray();
        private final List<Map.Entry<String, JsonObject>> displays = new ArrayList<>();
        private int count;

        /** Starts a cell's outputs; what start-up code printed before the first cell stays with the first. */
        synchronized void begin(int executionCount) {
            if (count > 0) {
                outputs = new JsonArray();
                displays.clear();
            }
            count = executionCount;
        }

        synchronized JsonArray outputs() {
            return outputs;
        }

        @Override
        public synchronized void write(String name, String text) {
            int n = outputs.size();
            if (n > 0) {
                JsonObject last = outputs.get(n - 1).getAsJsonObject();
                if ("stream".equals(str(last.get("output_type"))) && name.equals(str(last.get("name")))) {
                    last.addProperty("text", last.get("text").getAsString() + text);
                    return;
                }
            }
            JsonObject o = new JsonObject();
            o.addProperty("output_type", "stream");
            o.addProperty("name", name);
            o.addProperty("text", text);
            outputs.add(o);
        }

        private static JsonObject data(MimeBundle b) {
            JsonObject d = new JsonObject();
            b.data().forEach(d::addProperty);
            return d;
        }

        @Override
        public void display(MimeBundle bundle, String displayId) {
            output.inOrder(() -> {
                synchronized (this) {
                    JsonObject o = new JsonObject();
                    o.addProperty("output_type", "display_data");
                    o.add("data", data(bundle));
                    o.add("metadata", new JsonObject());
                    outputs.add(o);
                    displays.add(Map.entry(displayId, o));
                }
            });
        }

        @Override
        public void updateDisplay(String displayId, MimeBundle bundle) {
            output.inOrder(() -> {
                synchronized (this) {
                    for (Map.Entry<String, JsonObject> e : displays) {
                        if (e.getKey().equals(displayId)) {
                            e.getValue().add("data", data(bundle));
                        }
                    }
                }
            });
        }

        synchronized void result(MimeBundle bundle) {
            if (bundle == null) {
                return;
            }
            JsonObject o = new JsonObject();
            o.addProperty("output_type", "execute_result");
            o.addProperty("execution_count", count);
            o.add("data", data(bundle));
            o.add("metadata", new JsonObject());
            outputs.add(o);
        }

        synchronized void error(CellException e) {
            JsonObject o = new JsonObject();
            o.addProperty("output_type", "error");
            o.addProperty("ename", e.ename());
            o.addProperty("evalue", e.evalue());
            JsonArray tb = new JsonArray();
            e.traceback().forEach(tb::add);
            o.add("traceback", tb);
            outputs.add(o);
        }
    }
}
