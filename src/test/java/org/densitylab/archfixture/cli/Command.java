package org.densitylab.archfixture.cli;

/** The fixture's command line. */
public final class Command {
    private Command() {
    }

    /** @return an option's default */
    public static int defaultQubits() {
        return 3;
    }
}
