package org.densitylab.archfixture.b;

import org.densitylab.archfixture.a.A;

/** The other half of the fixture's package cycle. */
public final class B {
    private B() {
    }

    /** @return a constant */
    public static int base() {
        return 1;
    }

    /** @return a value that needs {@link A} */
    public static int twice() {
        return 2 * A.value();
    }
}
