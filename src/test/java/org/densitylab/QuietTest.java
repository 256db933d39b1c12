package org.densitylab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base class of the tests: seeded random generators per test, and a failure if the code under test
 * prints anything on standard output or standard error (library code must stay quiet).
 */
public abstract class QuietTest {
    /** Seed of {@link #rng}, fixed so that every run sees the same inputs. */
    protected static final long SEED = 20261122L;

    /** Fresh for each test. */
    protected SplittableRandom rng;

    /** Fresh for each test, for APIs that take a {@code java.util.Random}. */
    protected Random rand;

    private PrintStream savedOut;
    private PrintStream savedErr;
    private ByteArrayOutputStream captured;

    @BeforeEach
    void seedAndCapture() {
        rng = new SplittableRandom(SEED);
        rand = new Random(SEED);
        savedOut = System.out;
        savedErr = System.err;
        captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
    }

    @AfterEach
    void restoreAndCheckQuiet() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "code under test printed to stdout or stderr");
    }
}
