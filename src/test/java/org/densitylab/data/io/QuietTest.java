package org.densitylab.data.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the tests: a seeded random source, and a failure if anything is printed. */
abstract class QuietTest {
    /** Seeded per test so that failures reproduce. */
    protected Random rand = new Random(234);

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void captureOutput() {
        savedOut = System.out;
        savedErr = System.err;
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
    }

    @AfterEach
    void failIfPrinted() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        assertEquals("", printed.toString(StandardCharsets.UTF_8), "the test printed something");
    }
}
