package org.densitylab;

/** Small array conversions shared by the tests. */
public final class TestArrays {
    private TestArrays() {
    }

    /**
     * @param f float values (as stored in datasets)
     * @return the same values as doubles
     */
    public static double[] widen(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
