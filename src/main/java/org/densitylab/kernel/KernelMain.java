package org.densitylab.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point that Jupyter starts through the kernelspec:
 * {@code java -javaagent:K.jar -cp K.jar:lib/* org.densitylab.kernel.KernelMain CONNECTION_FILE}.
 */
public final class KernelMain {
    private static final Logger[] QUIET = {
        Logger.getLogger(""),
        Logger.getLogger(JupyterConnection.class.getPackageName()),
        Logger.getLogger(BaseKernel.class.getPackageName()),
    };

    private KernelMain() {
    }

    /**
     * Connects to Jupyter and serves until shut down.
     *
     * @param args the connection file written by Jupyter
     * @throws Exception if the connection file cannot be read or the sockets cannot be bound
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KernelMain CONNECTION_FILE  (Jupyter passes it; to install the kernel"
                    + " run: densitylab kernel install)");
            System.exit(2);
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        for (Logger l : QUIET) {
            l.setLevel(Level.WARNING);
        }
        // basekernel logs every message at INFO, on loggers named per socket and loop: keep java.util.logging
        // at WARNING in the kernel JVM (the kernel's stderr is the Jupyter server's log).
        JupyterSocket.JUPYTER_LOGGER.setLevel(Level.WARNING);
        KernelConfig.useJavacppCacheOfThisUser();
        org.densitylab.nn.NativeBuild.announce(System.err);   // before ND4J loads: the fastest native build
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        CellExecutor executor = new CellExecutor(KernelConfig.fromEnvironment(), Path.of(""), System.err);
        for (String problem : executor.startupErrors()) {
            System.err.println("densitylab kernel: start-up setting failed: " + problem);
        }
        if (!executor.evaluator().redefinesInPlace()) {
            System.err.println("densitylab kernel: started without -javaagent; leading comments are stripped"
                    + " from snippets to keep variables from being reset");
        }
        JupyterConnection connection = new JupyterConnection(props);
        // a PUB socket drops messages beyond its high-water mark (1000 by default): never drop output
        connection.getIOPub().setSndHWM(0);
        DensityKernel kernel = new DensityKernel(executor);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        System.exit(0);
    }
}
