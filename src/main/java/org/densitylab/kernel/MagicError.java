package org.densitylab.kernel;

import java.util.List;

/** Builds the {@link CellException} of a failed magic. */
final class MagicError {
    private MagicError() {
    }

    static CellException of(String magic, String message) {
        return new CellException("MagicError", "%" + magic + ": " + message,
                List.of("MagicError: %" + magic + ": " + message));
    }
}
