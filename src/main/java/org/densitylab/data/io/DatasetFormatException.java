package org.densitylab.data.io;

import java.io.IOException;

/**
 * A dataset or {@code .npy} file does not match what it claims to be: missing, truncated, corrupted,
 * written by a newer format version, or inconsistent with its manifest. The message names the file, the
 * expected and the actual value, and what to do about it.
 */
public class DatasetFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the file and the values involved
     */
    public DatasetFormatException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the file and the values involved
     * @param cause   the underlying failure, e.g. a JSON syntax error
     */
    public DatasetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
