package org.densitylab.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.densitylab.kernel.KernelInstaller;
import org.densitylab.kernel.runner.NotebookBatch;

/**
 * The {@code densitylab} command line: {@code densitylab COMMAND [ARGS...]}. Each subcommand is one entry
 * of {@link #COMMANDS}; add a command by adding an entry.
 */
public final class Main {

    /** A subcommand. */
    @FunctionalInterface
    public interface Command {
        /**
         * @param args the arguments after the command name
         * @return the process exit code
         * @throws Exception on failure; the message is printed
         */
        int run(List<String> args) throws Exception;
    }

    /**
     * A subcommand and its one-line help.
     *
     * @param summary what the command does, with its arguments
     * @param command the code
     */
    public record Entry(String summary, Command command) {
    }

    /** Subcommands by name, in the order of the help text. */
    static final Map<String, Entry> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("kernel", new Entry("kernel install [--user|--prefix P] [--name java] ...: install the"
                + " Jupyter kernel", Main::kernel));
        COMMANDS.put("notebooks", new Entry("notebooks [JUPYTER ARGS...]: install the kernel for this user and"
                + " open notebooks/ in Jupyter (or say how to)", Main::notebooks));
        COMMANDS.put("run-notebooks", new Entry("run-notebooks [--quick] [DIR|NB.ipynb...]: execute the"
                + " notebooks, write executed copies and an HTML report", NotebookBatch::main));
        COMMANDS.put("dataset", new Entry("dataset RECIPE --out DIR [--seed S] [--scale S] [--variant V] ...: generate"
                + " a dataset of either paper (resumable; 'dataset' alone lists the recipes)", DatasetCommand::run));
        COMMANDS.put("entanglement-tables", new Entry("entanglement-tables --out DIR [--epochs E] [--kinds cnn,siamese] ...:"
                + " reproduce the entanglement paper's Table II/III (datasets, training, evaluation)", ExperimentCommand::run));
        COMMANDS.put("marginals-train", new Entry("marginals-train --n N --out DIR [--model model1|model2] [--samples S]"
                + " [--epochs E] [--transfer-from DIR --freeze encoder] ...: train and evaluate the marginals CDAE (resumable)",
                a -> MarginalsCommand.train(a, System.out)));
        COMMANDS.put("marginals-eval", new Entry("marginals-eval --models LABEL=DIR,... --n N --k K --out DIR ...: evaluate"
                + " trained CDAEs per rank (Fig. 2 style plot)", a -> MarginalsCommand.eval(a, System.out)));
        COMMANDS.put("marginals-reconstruct", new Entry("marginals-reconstruct --n N --k K --methods LIST --samples S --seed SEED --out DIR [--model DIR] [--ranks A..B] [--iterations T] [--tolerance E]: reconstruction methods side by side per rank", a -> ReconstructCommand.run(a, System.out)));
        COMMANDS.put("info", new Entry("info DIR: verify a dataset's checksums and print its manifest",
                a -> DatasetCommand.info(a, System.out)));
        COMMANDS.put("bench", new Entry("bench [CASE...] [--rounds R]: measure the hot paths (cases: states3, ptrace,"
                + " groups, table1, mio, train, train-mln, trajectory, cdae, cdae-parts, runtime, runtime-quick, reconstruct, eigen); bench --vs-pytorch"
                + " [cnn-train siamese-train cnn-infer cdae-train-3 cdae-train-4] [--threads 1,2]: against PyTorch, interleaved"
                + " (docs/performance.md)", a -> {
                    org.densitylab.bench.Bench.main(a.toArray(String[]::new));
                    return 0;
                }));
    }

    private Main() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        // a command line shows its progress on standard error: in place on a terminal, plain lines in logs
        if (System.getProperty("densitylab.progress") == null && System.getenv("DENSITYLAB_PROGRESS") == null) {
            System.setProperty("densitylab.progress", "auto");
        }
        if (!org.densitylab.nn.NativeBuild.announce(System.err)) {
            System.exit(2);
        }
        System.exit(run(args));
    }

    /**
     * Runs one command line without exiting.
     *
     * @param args the command line
     * @return the exit code
     */
    public static int run(String... args) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(usage());
            return args.length == 0 ? 2 : 0;
        }
        Entry e = COMMANDS.get(args[0]);
        if (e == null) {
            System.err.println("densitylab: unknown command '" + args[0] + "'\n" + usage());
            return 2;
        }
        try {
            return e.command().run(List.of(Arrays.copyOfRange(args, 1, args.length)));
        } catch (IllegalArgumentException ex) {
            System.err.println("densitylab " + args[0] + ": " + message(ex));
            return 2;
        } catch (Exception ex) {
            System.err.println("densitylab " + args[0] + ": " + message(ex));
            return 1;
        }
    }

    /**
     * A failure as users should read it: the innermost message that says something, without Java class names or the
     * same message wrapped twice.
     *
     * @param e the failure
     * @return the message
     */
    static String message(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank()
                || t.getMessage().equals(t.getCause().toString()) || t.getMessage().contains(t.getCause().getClass().getName()))) {
            t = t.getCause();
        }
        if (t instanceof java.io.IOException io && !(t.getMessage() != null && t.getMessage().contains(" "))) {
            return org.densitylab.util.AtomicFiles.reason(io);
        }
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return "internal error (" + t.getClass().getSimpleName() + "); please report it with the command line";
        }
        return m.replaceAll("\\b(java|javax|org|com)\\.[a-z0-9_.]+\\.([A-Z][A-Za-z0-9]*(Exception|Error)): ", "");
    }

    static String usage() {
        StringBuilder sb = new StringBuilder("usage: densitylab COMMAND [ARGS...]\ncommands:\n");
        COMMANDS.values().forEach(c -> sb.append("  ").append(c.summary()).append('\n'));
        return sb.toString().stripTrailing();
    }

    private static int notebooks(List<String> args) throws Exception {
        Path dir = KernelInstaller.install(List.of("--user"));
        System.out.println("Kernel 'Java (DensityLab)' installed in " + dir);
        Path nbDir = Path.of("notebooks").toAbsolutePath();
        String jupyter = findOnPath("jupyter");
        if (jupyter == null) {
            System.out.println("""
                    Jupyter is not installed. On Debian/Ubuntu:
                      sudo apt-get install jupyter-notebook jupyter-nbconvert python3-nbclient
                    then open the notebooks with:
                      jupyter notebook %s
                    and pick the kernel 'Java (DensityLab)'. To run them without Jupyter:
                      java -jar target/densitylab-*-kernel.jar run-notebooks --quick""".formatted(nbDir));
            return 0;
        }
        List<String> cmd = new ArrayList<>(List.of(jupyter, "notebook", "--notebook-dir=" + nbDir));
        if (isRoot() && !args.contains("--allow-root")) {
            cmd.add("--allow-root");   // containers and cloud VMs run as root; Jupyter refuses without it
        }
        cmd.addAll(args);
        System.out.println("Starting: " + String.join(" ", cmd) + "  (Ctrl-C to stop)");
        return new ProcessBuilder(cmd).inheritIO().start().waitFor();
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static String findOnPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, exe);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        Path debian = Path.of("/usr/bin", exe);
        return Files.isExecutable(debian) ? debian.toString() : null;
    }

    private static int kernel(List<String> args) throws Exception {
        if (args.isEmpty() || !args.get(0).equals("install")) {
            System.err.println(KernelInstaller.USAGE);
            return 2;
        }
        Path dir = KernelInstaller.install(args.subList(1, args.size()));
        System.out.println("Installed kernelspec in " + dir);
        return 0;
    }
}
