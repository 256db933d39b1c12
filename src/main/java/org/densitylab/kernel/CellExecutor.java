package org.densitylab.kernel;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs notebook cells: line magics handled by the kernel, Java code through the {@link JShellEvaluator}.
 * The kernel and the headless runner both execute cells through this class, so a notebook behaves the
 * same in Jupyter and in {@code mvn test}.
 *
 * <table>
 *   <caption>Line magics (a line starting with {@code %})</caption>
 *   <tr><th>magic</th><th>effect</th></tr>
 *   <tr><td>{@code %jars PATTERN...}</td><td>adds jars; a directory adds the jars in it</td></tr>
 *   <tr><td>{@code %classpath PATTERN...}</td><td>adds jars or class directories</td></tr>
 *   <tr><td>{@code %maven G:A[:TYPE[:CLASSIFIER]]:V...}</td><td>resolves artifacts and their runtime
 *       dependencies with Maven and adds them (also {@code %addMavenDependency},
 *       {@code %addMavenDependencies})</td></tr>
 *   <tr><td>{@code %mavenRepo ID URL}</td><td>adds a repository for {@code %maven}</td></tr>
 *   <tr><td>{@code %load FILE}</td><td>runs a {@code .jsh}/{@code .java} file as a cell</td></tr>
 * </table>
 *
 * Relative paths start at the working directory, which Jupyter sets to the notebook's folder. Jars that
 * are already on the kernel's class path are skipped, so the same first cell works in this kernel and in
 * stock IJava.
 */
public final class CellExecutor implements AutoCloseable {
    private static final Pattern MAGIC = Pattern.compile("^\\s*%(\\w+)(.*)$");

    private final JShellEvaluator evaluator;
    private final MavenResolver maven = new MavenResolver();
    private final Path workDir;
    private final List<String> startupErrors = new ArrayList<>();

    /**
     * Builds the evaluator and runs the start-up code: the default imports, {@code IJAVA_CLASSPATH},
     * the start-up scripts and {@code IJAVA_STARTUP_SCRIPT}.
     *
     * @param config  start-up settings
     * @param workDir the directory relative magic paths start from
     * @param log     where JShell reports internal problems
     * @throws CellException if the default imports fail (a broken JDK); failures of the user's
     *                       start-up settings are kept in {@link #startupErrors()} instead
     */
    public CellExecutor(KernelConfig config, Path workDir, PrintStream log) throws CellException {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.evaluator = new JShellEvaluator(config.compilerOpts(), config.timeoutMillis(), log);
        evaluator.eval(String.join("\n", JShellEvaluator.DEFAULT_IMPORTS));
        // IJava's start-up defines printf as a statement-level helper; notebooks written for it use it.
        evaluator.eval("void printf(String format, Object... args) { System.out.printf(format, args); }");
        for (String entry : config.classPath()) {
            try {
                addPaths("IJAVA_CLASSPATH", List.of(entry), true);
            } catch (CellException e) {
                startupErrors.add(e.getMessage());
            }
        }
        for (String pattern : config.startupScripts()) {
            List<Path> scripts = Globs.expand(pattern, this.workDir);
            if (scripts.isEmpty()) {
                startupErrors.add("IJAVA_STARTUP_SCRIPTS_PATH: nothing matches '" + pattern + "'");
            }
            for (Path script : scripts) {
                try {
                    execute(read(script, "IJAVA_STARTUP_SCRIPTS_PATH"), script.getFileName().toString());
                } catch (CellException e) {
                    startupErrors.add(script + ": " + e.getMessage());
                }
            }
        }
        if (!config.startupScript().isBlank()) {
            try {
                execute(config.startupScript(), "IJAVA_STARTUP_SCRIPT");
            } catch (CellException e) {
                startupErrors.add("IJAVA_STARTUP_SCRIPT: " + e.getMessage());
            }
        }
    }

    /** @return what went wrong in the start-up settings (class path, scripts), empty if nothing */
    public List<String> startupErrors() {
        return List.copyOf(startupErrors);
    }

    /** @return the evaluator, for completion, inspection and interrupt */
    public JShellEvaluator evaluator() {
        return evaluator;
    }

    /**
     * Executes one cell; errors name it {@code cell}.
     *
     * @param cell the cell source: Java code and line magics
     * @return the value to show as the cell's result, or {@link JShellEvaluator#NO_VALUE}
     * @throws CellException on the first failure; nothing after it runs
     */
    public Object execute(String cell) throws CellException {
        return execute(cell, "cell");
    }

    /**
     * Executes one cell.
     *
     * @param cell  the cell source: Java code and line magics
     * @param label what the user calls the cell, {@code In [7]} in a notebook: errors say
     *              {@code In [7]:3} for its third line
     * @return the value to show as the cell's result, or {@link JShellEvaluator#NO_VALUE}
     * @throws CellException on the first failure; nothing after it runs
     */
    public Object execute(String cell, String label) throws CellException {
        if (cell.stripLeading().startsWith("%%")) {
            String name = cell.stripLeading().substring(2).split("\\s", 2)[0];
            throw MagicError.of("%" + name, "cell magics are not supported; use line magics such as %jars,"
                    + " %classpath, %maven or %load");
        }
        Object last = JShellEvaluator.NO_VALUE;
        StringBuilder code = new StringBuilder();
        String[] lines = cell.split("\n", -1);
        int codeStart = 1;
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MAGIC.matcher(lines[i]);
            if (m.matches()) {
                if (!code.toString().isBlank()) {
                    last = evaluator.eval(code.toString(), label, codeStart);
                }
                code.setLength(0);
                codeStart = i + 2;
                last = magic(m.group(1), m.group(2).strip());
            } else {
                code.append(lines[i]).append('\n');
            }
        }
        if (!code.toString().isBlank()) {
            last = evaluator.eval(code.toString(), label, codeStart);
        }
        return last;
    }

    private Object magic(String name, String args) throws CellException {
        List<String> words = args.isEmpty() ? List.of() : List.of(args.split("\\s+"));
        switch (name) {
            case "jars" -> addPaths(name, words, false);
            case "classpath" -> addPaths(name, words, true);
            case "maven", "addMavenDependency", "addMavenDependencies" -> {
                if (words.isEmpty()) {
                    throw MagicError.of(name, "give at least one group:artifact:version");
                }
                for (Path jar : maven.resolve(words)) {
                    evaluator.addToClasspath(jar);
                }
            }
            case "mavenRepo" -> {
                if (words.size() != 2) {
                    throw MagicError.of(name, "usage: %mavenRepo ID URL");
                }
                maven.addRepository(words.get(0), words.get(1));
            }
            case "load" -> {
                if (words.size() != 1) {
                    throw MagicError.of(name, "usage: %load FILE.jsh");
                }
                Path file = workDir.resolve(words.get(0));
                return execute(read(file, name), file.getFileName().toString());
            }
            default -> throw MagicError.of(name, "unknown magic; known: %jars, %classpath, %maven,"
                    + " %mavenRepo, %load");
        }
        return JShellEvaluator.NO_VALUE;
    }

    private void addPaths(String magic, List<String> patterns, boolean allowDirs) throws CellException {
        if (patterns.isEmpty()) {
            throw MagicError.of(magic, "give at least one jar, directory or glob");
        }
        for (String pattern : patterns) {
            List<Path> found = Globs.expand(pattern, workDir);
            if (found.isEmpty()) {
                throw MagicError.of(magic, "nothing matches '" + pattern + "' (relative to " + workDir
                        + "); check the path, or build the project first (mvn package)");
            }
            List<Path> add = new ArrayList<>();
            for (Path p : found) {
                if (Files.isDirectory(p) && !allowDirs) {
                    try (var s = Files.list(p)) {
                        s.filter(x -> x.toString().endsWith(".jar")).sorted().forEach(add::add);
                    } catch (IOException e) {
                        throw MagicError.of(magic, "cannot list " + p + ": " + e.getMessage());
                    }
                } else {
                    add.add(p);
                }
            }
            for (Path p : add) {
                evaluator.addToClasspath(p);
            }
        }
    }

    private static String read(Path file, String what) throws CellException {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw MagicError.of(what, "cannot read " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        evaluator.close();
    }
}
