package org.densitylab.cli;

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
        COMMANDS.put("run-notebooks", new Entry("run-notebooks [--quick] [DIR|NB.ipynb...]: execute the"
                + " notebooks, write executed copies and an HTML report", NotebookBatch::main));
    }

    private Main() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
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
            System.err.println("densitylab " + args[0] + ": " + ex.getMessage());
            return 2;
        } catch (Exception ex) {
            System.err.println("densitylab " + args[0] + ": " + ex);
            return 1;
        }
    }

    static String usage() {
        StringBuilder sb = new StringBuilder("usage: densitylab COMMAND [ARGS...]\ncommands:\n");
        COMMANDS.values().forEach(c -> sb.append("  ").append(c.summary()).append('\n'));
        return sb.toString().stripTrailing();
    }

    private static int kernel(List<String> args) throws Exception {
        if (args.isEmpty() || !args.get(0).equals("install")) {
            System.err.println(KernelInstaller.USAGE);
            return 2;
        }
        var dir = KernelInstaller.install(args.subList(1, args.size()));
        System.out.println("Installed kernelspec in " + dir);
        return 0;
    }
}
