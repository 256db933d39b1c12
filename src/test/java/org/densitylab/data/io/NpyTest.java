package org.densitylab.data.io;

import org.densitylab.QuietTest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code .npy} reader and writer against fixtures written by NumPy itself
 * ({@code src/test/resources/npy/make_fixtures.py}, values in {@code expected.txt}).
 */
class NpyTest extends QuietTest {
    @TempDir
    Path tmp;

    /** One line of expected.txt. */
    private record Fixture(String file, String descr, int major, long[] shape, String[] values) {
    }

    private static Path resource(String name) {
        try {
            return Path.of(NpyTest.class.getResource("/npy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Fixture> fixtures() {
        List<Fixture> list = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(resource("expected.txt"))) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(" ", -1);
                long[] shape = f[3].equals("-") ? new long[0]
                        : Arrays.stream(f[3].split(",")).mapToLong(Long::parseLong).toArray();
                String[] values = Arrays.stream(f, 4, f.length).filter(s -> !s.isEmpty()).toArray(String[]::new);
                list.add(new Fixture(f[0], f[1], Integer.parseInt(f[2]), shape, values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }

    /** The expected elements, parsed from Python reprs, as the Java array of the type. */
    private static Object expectedData(DType dtype, String[] v) {
        Object data = dtype.newArray(v.length);
        for (int i = 0; i < v.length; i++) {
            switch (dtype) {
                case FLOAT32 -> ((float[]) data)[i] = (float) Double.parseDouble(v[i]);
                case FLOAT64 -> ((double[]) data)[i] = Double.parseDouble(v[i]);
                case UINT8 -> ((byte[]) data)[i] = (byte) Integer.parseInt(v[i]);
                case INT32 -> ((int[]) data)[i] = Integer.parseInt(v[i]);
                case INT64 -> ((long[]) data)[i] = Long.parseLong(v[i]);
            }
        }
        return data;
    }

    /** Exact equality, bit for bit for floats (so -0.0 and 0.0 differ). */
    static void assertSameElements(Object expected, Object actual, String what) {
        if (expected instanceof float[] e) {
            int[] eb = new int[e.length];
            int[] ab = new int[e.length];
            float[] a = (float[]) actual;
            assertEquals(e.length, a.length, what);
            for (int i = 0; i < e.length; i++) {
                eb[i] = Float.floatToRawIntBits(e[i]);
                ab[i] = Float.floatToRawIntBits(a[i]);
            }
            assertArrayEquals(eb, ab, what);
        } else if (expected instanceof double[] e) {
            double[] a = (double[]) actual;
            assertArrayEquals(Arrays.stream(e).mapToLong(Double::doubleToRawLongBits).toArray(),
                    Arrays.stream(a).mapToLong(Double::doubleToRawLongBits).toArray(), what);
        } else if (expected instanceof byte[] e) {
            assertArrayEquals(e, (byte[]) actual, what);
        } else if (expected instanceof int[] e) {
            assertArrayEquals(e, (int[]) actual, what);
        } else {
            assertArrayEquals((long[]) expected, (long[]) actual, what);
        }
    }

    @Test
    void readsEveryNumpyFixtureExactly() throws IOException {
        int checked = 0;
        for (Fixture f : fixtures()) {
            if (f.file().startsWith("bad_")) {
                continue;
            }
            NpyArray a = Npy.read(resource(f.file()));
            DType dtype = DType.ofDescr(f.descr());
            assertEquals(dtype, a.dtype(), f.file());
            assertArrayEquals(f.shape(), a.shape(), f.file());
            assertSameElements(expectedData(dtype, f.values()), a.data(), f.file());
            checked++;
        }
        assertEquals(8, checked);
    }

    @Test
    void writesBytesIdenticalToNumpy() throws IOException {
        int checked = 0;
        for (Fixture f : fixtures()) {
            if (f.file().startsWith("bad_") || f.major() != 1) {
                continue;
            }
            DType dtype = DType.ofDescr(f.descr());
            Path out = tmp.resolve(f.file());
            Npy.write(out, NpyArray.of(expectedData(dtype, f.values()), f.shape()));
            assertArrayEquals(Files.readAllBytes(resource(f.file())), Files.readAllBytes(out), f.file());
            checked++;
        }
        assertEquals(7, checked);
    }

    @Test
    void readsVersion2Header() throws IOException {
        Path file = resource("i4_3_v2.npy");
        try (var ch = java.nio.channels.FileChannel.open(file)) {
            Npy.Header h = Npy.readHeader(ch, file);
            assertEquals(2, h.majorVersion());
            assertEquals(0, h.dataOffset() % Npy.ALIGN);
        }
    }

    @Test
    void headerLengthDoesNotDependOnFirstDimension() {
        int len = Npy.header(DType.FLOAT32, new long[] {0, 2, 8, 8}).length;
        for (long n : new long[] {1, 570_000, 123_456_789_012L}) {
            assertEquals(len, Npy.header(DType.FLOAT32, new long[] {n, 2, 8, 8}).length);
        }
        assertEquals(0, len % Npy.ALIGN);
    }

    @Test
    void rejectsFortranOrder() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Npy.read(resource("bad_fortran_f8_2x3.npy")));
        assertTrue(e.getMessage().contains("bad_fortran_f8_2x3.npy"), e.getMessage());
        assertTrue(e.getMessage().contains("Fortran order"), e.getMessage());
    }

    @Test
    void rejectsBigEndian() {
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> Npy.read(resource("bad_bigendian_f4_3.npy")));
        assertTrue(e.getMessage().contains("big-endian dtype '>f4'"), e.getMessage());
    }

    @Test
    void rejectsBadMagicTruncationAndGarbage() throws IOException {
        byte[] good = Files.readAllBytes(resource("f8_2x3.npy"));

        Path magic = tmp.resolve("magic.npy");
        byte[] bad = good.clone();
        bad[1] = 'X';
        Files.write(magic, bad);
        assertMessage(magic, "magic.npy is not a .npy file", "93 58 55 4d 50 59");

        Path truncated = tmp.resolve("truncated.npy");
        Files.write(truncated, Arrays.copyOf(good, good.length - 3));
        assertMessage(truncated, "truncated.npy is truncated", "[2, 3]", "(176 bytes)", "173 bytes");

        Path shortHeader = tmp.resolve("short.npy");
        Files.write(shortHeader, Arrays.copyOf(good, 40));
        assertMessage(shortHeader, "short.npy is too short");

        Path version = tmp.resolve("version.npy");
        bad = good.clone();
        bad[6] = 9;
        Files.write(version, bad);
        assertMessage(version, "version.npy has .npy format version 9.0");

        Path garbage = tmp.resolve("garbage.npy");
        byte[] header = Npy.header(DType.FLOAT64, new long[] {2, 3});
        String text = new String(header, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("'shape': (2, 3)", "'shape': (2, ?)");
        Files.write(garbage, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertMessage(garbage, "garbage.npy has a malformed .npy header", "unexpected character '?'");
    }

    private static void assertMessage(Path file, String... parts) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Npy.read(file));
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + p + "' not in: " + e.getMessage());
        }
    }

    @Test
    void typeStrings() {
        assertEquals(DType.UINT8, DType.ofDescr("<u1"));
        assertEquals(DType.UINT8, DType.ofDescr(">u1"));
        assertEquals(DType.FLOAT32, DType.ofDescr("=f4")); // native order on little-endian machines
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> DType.ofDescr(">f8"));
        assertTrue(big.getMessage().contains("big-endian dtype '>f8'"), big.getMessage());
        IllegalArgumentException complex = assertThrows(IllegalArgumentException.class, () -> DType.ofDescr("<c8"));
        assertTrue(complex.getMessage().contains("unsupported dtype '<c8'"), complex.getMessage());
    }

    @Test
    void arrayChecksShapeAndType() {
        assertThrows(IllegalArgumentException.class, () -> NpyArray.of(new float[5], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> NpyArray.of(new short[2], 2));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> NpyArray.of(new double[2], 2).floats());
        assertTrue(e.getMessage().contains("FLOAT64"), e.getMessage());
    }
}
