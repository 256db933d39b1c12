package org.densitylab.archfixture.a;

import org.densitylab.archfixture.b.B;

/** One half of the fixture's package cycle. */
public final class A {
    private A() {
    }

    /** @return a value that needs {@link B} */
    public static int value() {
        return B.base() + 1;
    }
}
