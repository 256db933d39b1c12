package org.densitylab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base class of the tests: a seeded random generator per test, and a failure if the code under test
 * prints anything on standard output (library code must stay quiet).
 */
public abstract class QuietTest {
    /** Seed of {@link #rng}, fixed so that every run sees the same inputs. */
    protected static final long SEED = 20261122L;

    /** Fresh for each test. */
    protected SplittableRandom rng;

    private PrintStream savedOut;
    private ByteArrayOutputStream captured;

    @BeforeEach
    void seedAndCapture() {
        rng = new SplittableRandom(SEED);
        savedOut = System.out;
        captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreAndCheckQuiet() {
        System.setOut(savedOut);
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "code under test printed to stdout");
    }
}
