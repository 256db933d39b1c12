package org.densitylab.kernel;

import java.util.List;

/**
 * A cell failed: it did not compile, threw, was interrupted, or a magic failed. Carries the three fields
 * of a Jupyter {@code error} output.
 */
public final class CellException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String ename;
    private final String evalue;
    private final List<String> traceback;

    /**
     * @param ename     the error name, for example {@code java.lang.ArithmeticException} or
     *                  {@code CompilationError}
     * @param evalue    the message
     * @param traceback lines to show, the first usually repeating name and message
     */
    public CellException(String ename, String evalue, List<String> traceback) {
        // No Java stack: it would be the kernel's own, which basekernel copies into execute_reply.
        super(ename + ": " + evalue, null, false, false);
        this.ename = ename;
        this.evalue = evalue;
        this.traceback = List.copyOf(traceback);
    }

    /** @return the error name */
    public String ename() {
        return ename;
    }

    /** @return the error message */
    public String evalue() {
        return evalue;
    }

    /** @return the lines to show */
    public List<String> traceback() {
        return traceback;
    }
}
