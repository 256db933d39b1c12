package org.densitylab.kernel.runner;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.densitylab.kernel.KernelInstaller;

/**
 * {@code densitylab run-notebooks [--quick] [--out DIR] [--in-place] [PATH...]}: executes notebooks
 * headlessly, each in a fresh JVM started in the notebook's folder (as Jupyter starts a kernel), writes the
 * executed copies and an {@code index.html} report, and exits 1 if any notebook failed.
 *
 * <p>{@code --quick} sets {@code DENSITYLAB_QUICK=1}, which the notebooks read to run their small
 * configuration (CI, Binder); without it they run the full paper configuration. {@code --in-place} also
 * writes each notebook that ran without error back over its source, with its outputs, so that the
 * committed notebooks show their results (on GitHub, for example).
 */
public final class NotebookBatch {
    /** Environment variable the notebooks read for their quick mode. */
    public static final String QUICK_ENV = "DENSITYLAB_QUICK";

    private static final String USAGE = """
            usage: densitylab run-notebooks [--quick] [--out DIR] [--in-place] [--results DIR] [--env NAME=VALUE]...
                                            [--heap SIZE] [--timeout MINUTES] [PATH...]
              PATH               notebooks or folders of notebooks (default: notebooks)
              --quick            small configuration (DENSITYLAB_QUICK=1), as CI and Binder run
              --out DIR          executed copies, logs and index.html (default: results/local/notebooks)
              --in-place         also write each notebook that ran without error back over its source,
                                 with its outputs (a notebook over 2 MB is not written back)
              --results DIR      where the notebooks write their results (DENSITYLAB_RESULTS; default: their own,
                                 results/local/notebooks)
              --env NAME=VALUE   an environment variable of the notebook JVMs (repeatable)
              --heap SIZE        heap of each notebook's JVM (default: 3g)
              --timeout MINUTES  limit per notebook (default: 60)
            """;

    /** A notebook written back by {@code --in-place} stays below this size (the repository's file limit). */
    static final long IN_PLACE_LIMIT_BYTES = 2_000_000;

    private NotebookBatch() {
    }

    /**
     * One notebook's outcome.
     *
     * @param notebook the source notebook
     * @param executed the executed copy
     * @param log      the JVM's own output (start-up messages, native library noise)
     * @param result   what the runner reported
     */
    public record Outcome(Path notebook, Path executed, Path log, NotebookRunner.Result result) {
    }

    /**
     * The command line entry.
     *
     * @param args options and paths
     * @return 0 if every notebook ran, 1 otherwise, 2 on bad usage
     * @throws IOException if the report cannot be written
     * @throws InterruptedException if interrupted while waiting for a notebook
     */
    public static int main(List<String> args) throws IOException, InterruptedException {
        boolean quick = false;
        boolean inPlace = false;
        Path out = Path.of("results", "local", "notebooks");
        String heap = "3g";
        long timeout = 60;
        Map<String, String> env = new LinkedHashMap<>();
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--quick" -> quick = true;
                case "--in-place" -> inPlace = true;
                case "--out", "--heap", "--timeout", "--results", "--env" -> {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
                    }
                    String v = args.get(++i);
                    switch (a) {
                        case "--out" -> out = Path.of(v);
                        case "--heap" -> heap = v;
                        case "--results" -> env.put("DENSITYLAB_RESULTS", Path.of(v).toAbsolutePath().toString());
                        case "--env" -> {
                            if (!v.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                                throw new IllegalArgumentException("--env needs NAME=VALUE, got '" + v + "'");
                            }
                            env.put(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1));
                        }
                        default -> {
                            try {
                                timeout = Long.parseLong(v);
                            } catch (NumberFormatException e) {
                                timeout = -1;
                            }
                            if (timeout <= 0) {
                                throw new IllegalArgumentException("--timeout must be a whole number of minutes"
                                        + " above 0, got '" + v + "'");
                            }
                        }
                    }
                }
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option '" + a + "'\n" + USAGE);
                    }
                    paths.add(Path.of(a));
                }
            }
        }
        if (paths.isEmpty()) {
            paths.add(Path.of("notebooks"));
        }
        List<Path> notebooks = find(paths);
        if (notebooks.isEmpty()) {
            throw new IllegalArgumentException("no .ipynb files in " + paths);
        }
        if (quick) {
            env.put(QUICK_ENV, "1");
        }
        List<Outcome> outcomes = runAll(notebooks, out, env, List.of("-Xmx" + heap), timeout);
        Path report = HtmlReport.write(outcomes, out.resolve("index.html"), quick);
        if (inPlace) {
            writeBack(outcomes).forEach(System.out::println);
        }
        int failed = 0;
        for (Outcome o : outcomes) {
            NotebookRunner.Result r = o.result();
            System.out.printf("%-40s %s  %d/%d cells  %.1fs%n", o.notebook().getFileName(),
                    r.ok() ? "ok    " : "FAILED", r.cellsRun(), r.codeCells(), r.seconds());
            if (!r.ok()) {
                failed++;
                System.out.println("    " + r.error().replace("\n", "\n    ") + "\n    log: " + o.log());
            }
        }
        System.out.println((outcomes.size() - failed) + " passed, " + failed + " failed");
        System.out.println("report: " + report.toAbsolutePath());
        return failed == 0 ? 0 : 1;
    }

    /**
     * {@code --in-place}: copies each executed notebook over its source, unless it failed or is too large.
     *
     * @param outcomes the run
     * @return one line per notebook saying what was done
     * @throws IOException if a notebook cannot be written
     */
    static List<String> writeBack(List<Outcome> outcomes) throws IOException {
        List<String> said = new ArrayList<>();
        for (Outcome o : outcomes) {
            String name = o.notebook().getFileName().toString();
            if (!o.result().ok() || !Files.exists(o.executed())) {
                said.add("not written back: " + name + " failed; it keeps its previous content");
                continue;
            }
            long size = Files.size(o.executed());
            if (size > IN_PLACE_LIMIT_BYTES) {
                said.add(String.format(java.util.Locale.ROOT, "not written back: %s would be %.1f MB, over the"
                        + " %.0f MB limit; make its outputs smaller (fewer or smaller images)", name, size / 1e6,
                        IN_PLACE_LIMIT_BYTES / 1e6));
                continue;
            }
            KernelInstaller.writeAtomically(o.notebook(), Files.readString(o.executed()));
            said.add("written back with its outputs: " + o.notebook());
        }
        return said;
    }

    /**
     * @param paths notebooks or folders
     * @return the notebooks, sorted, checkpoints excluded
     * @throws IOException if a folder cannot be listed
     */
    public static List<Path> find(List<Path> paths) throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(x -> x.toString().endsWith(".ipynb") && !x.toString().contains(".ipynb_checkpoints"))
                            .sorted().forEach(found::add);
                }
            } else if (Files.isRegularFile(p)) {
                found.add(p);
            } else {
                throw new IllegalArgumentException(p + " does not exist");
            }
        }
        return found;
    }

    /**
     * Runs notebooks one after another, each in its own JVM.
     *
     * @param notebooks      the notebooks
     * @param out            folder for executed copies and logs
     * @param env            environment variables of the notebook JVMs, e.g. {@value #QUICK_ENV}=1
     * @param jvmOptions     extra JVM options, e.g. {@code -Xmx3g}
     * @param timeoutMinutes limit per notebook
     * @return the outcomes in order
     * @throws IOException if a JVM cannot be started
     * @throws InterruptedException if interrupted while waiting
     */
    public static List<Outcome> runAll(List<Path> notebooks, Path out, Map<String, String> env,
                                       List<String> jvmOptions, long timeoutMinutes)
            throws IOException, InterruptedException {
        Files.createDirectories(out);
        Path agent = AgentJar.locate(out.resolve(".agent"));
        String classPath = classPath();
        List<Outcome> outcomes = new ArrayList<>();
        for (Path nb : notebooks) {
            Path abs = nb.toAbsolutePath().normalize();
            String base = abs.getFileName().toString().replaceFirst("\\.ipynb$", "");
            Path executed = out.toAbsolutePath().resolve(base + ".ipynb");
            Path log = out.toAbsolutePath().resolve(base + ".log");
            Path result = out.toAbsolutePath().resolve(base + ".result");
            Files.deleteIfExists(result);
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmOptions);
            cmd.add("-Djava.awt.headless=true");
            for (String prop : List.of("org.bytedeco.javacpp.cachedir", "org.bytedeco.javacpp.maxbytes",
                    "org.bytedeco.javacpp.maxphysicalbytes")) {
                if (System.getProperty(prop) != null) {
                    cmd.add("-D" + prop + "=" + System.getProperty(prop));
                }
            }
            cmd.add("-javaagent:" + agent.toAbsolutePath());
            cmd.add("-cp");
            cmd.add(absolute(classPath));
            cmd.add(NotebookRunnerMain.class.getName());
            cmd.add(abs.toString());
            cmd.add(executed.toString());
            cmd.add(result.toString());
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(abs.getParent().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            pb.environment().putIfAbsent("OMP_NUM_THREADS", "1");
            Process proc = pb.start();
            NotebookRunner.Result r;
            if (!proc.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                proc.destroyForcibly().waitFor();
                r = new NotebookRunner.Result(0, 0, -1, "timed out after " + timeoutMinutes + " min", timeoutMinutes * 60.0);
            } else {
                r = readResult(result, proc.exitValue(), log);
            }
            outcomes.add(new Outcome(abs, executed, log, r));
        }
        return outcomes;
    }

    /**
     * The class path for the notebook JVMs: this JVM's (Surefire's real one under Maven); when started
     * with {@code java -jar densitylab-*.jar}, the jar plus the {@code lib/} folder next to it (its
     * manifest {@code Class-Path}, which JShell's compiler would not see).
     */
    static String classPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        if (!cp.contains(File.pathSeparator) && cp.endsWith(".jar")) {
            Path lib = Path.of(cp).toAbsolutePath().resolveSibling("lib");
            if (Files.isDirectory(lib)) {
                cp = cp + File.pathSeparator + lib + File.separator + "*";
            }
        }
        return cp;
    }

    private static String absolute(String classPath) {
        List<String> parts = new ArrayList<>();
        for (String p : classPath.split(File.pathSeparator)) {
            if (!p.isBlank()) {
                parts.add(p.endsWith("*") ? p : Path.of(p).toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, parts);
    }

    private static NotebookRunner.Result readResult(Path file, int exit, Path log) throws IOException {
        if (!Files.exists(file)) {
            return new NotebookRunner.Result(0, 0, -1, "the notebook JVM exited with code " + exit
                    + " without a result; see " + log, 0);
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return new NotebookRunner.Result(Integer.parseInt(p.getProperty("cellsRun")),
                Integer.parseInt(p.getProperty("codeCells")), Integer.parseInt(p.getProperty("failedCell")),
                p.getProperty("error"), Double.parseDouble(p.getProperty("seconds")));
    }
}
