package org.densitylab.archfixture.quantum;

import org.densitylab.archfixture.cli.Command;

/** A core class that (wrongly) reads the command line. */
public final class Core {
    private Core() {
    }

    /** @return the command line's default */
    public static int qubits() {
        return Command.defaultQubits();
    }
}
