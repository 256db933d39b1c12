package org.densitylab.kernel.runner;

import java.nio.file.Path;
import java.util.Properties;
import org.densitylab.kernel.KernelInstaller;

/**
 * The per-notebook JVM that {@link NotebookBatch} forks:
 * {@code NotebookRunnerMain IN.ipynb OUT.ipynb RESULT.properties}, started in the notebook's folder. Exit
 * code 0 when every cell ran, 1 when a cell failed, 2 on bad arguments.
 */
public final class NotebookRunnerMain {
    private NotebookRunnerMain() {
    }

    /**
     * @param args input notebook, output notebook, result file
     * @throws Exception if the files cannot be read or written
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: NotebookRunnerMain IN.ipynb OUT.ipynb RESULT.properties");
            System.exit(2);
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        org.densitylab.kernel.KernelConfig.useJavacppCacheOfThisUser();
        NotebookRunner.Result r = NotebookRunner.run(Path.of(args[0]), Path.of(args[1]));
        Properties p = new Properties();
        p.setProperty("cellsRun", Integer.toString(r.cellsRun()));
        p.setProperty("codeCells", Integer.toString(r.codeCells()));
        p.setProperty("failedCell", Integer.toString(r.failedCell()));
        p.setProperty("seconds", Double.toString(r.seconds()));
        if (r.error() != null) {
            p.setProperty("error", r.error());
        }
        java.io.StringWriter w = new java.io.StringWriter();
        p.store(w, "notebook run");
        KernelInstaller.writeAtomically(Path.of(args[2]), w.toString());
        System.exit(r.ok() ? 0 : 1);
    }
}
