package org.densitylab.marginals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.densitylab.data.io.Npy;
import org.densitylab.data.io.NpyArray;
import org.densitylab.linalg.ComplexMatrix;

/**
 * An optional external SDP solver: Debian's {@code python3-cvxopt} (interior point, {@code solvers.sdp} with default
 * tolerances) run on {@link PauliSdp#lmi} in a child process. No maintained SDP solver for Java 17 exists on Maven
 * Central (see {@code docs/sdp.md}), so this is the only SDP measured here; when Python or cvxopt is missing,
 * {@link #available()} is false and callers skip it (the project builds and tests without it). The interpreter is
 * {@value #DEFAULT_PYTHON} unless the system property {@value #PYTHON_PROPERTY} names another.
 */
public final class CvxoptSdp {
    /** System property naming the Python interpreter. */
    public static final String PYTHON_PROPERTY = "densitylab.python";
    /** Debian's interpreter (the one that sees Debian's python3-cvxopt). */
    public static final String DEFAULT_PYTHON = "/usr/bin/python3";
    private static Boolean available;

    private CvxoptSdp() {
    }

    /**
     * A solution.
     *
     * @param state        \(X(y^*)\) (Hermitian, trace 1, the prescribed marginals), or null if none came back
     * @param t            \(t^*\), the smallest eigenvalue the solver reached
     * @param status       cvxopt's status ("optimal", "unknown", …) or "timeout"
     * @param solveSeconds time inside Python to build the cvxopt matrices and solve (the reference's timer wraps
     *                     cvxpy's build and solve likewise)
     * @param iterations   interior-point iterations
     */
    public record Result(ComplexMatrix state, double t, String status, double solveSeconds, int iterations) {
    }

    /**
     * @return whether the interpreter runs and imports cvxopt (checked once)
     */
    public static synchronized boolean available() {
        if (available == null) {
            try {
                Process p = new ProcessBuilder(python(), "-c", "import cvxopt, numpy").redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                available = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
                p.destroyForcibly();
            } catch (IOException e) {
                available = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                available = false;
            }
        }
        return available;
    }

    /**
     * Solves \(\max t\ \text{s.t.}\ X(y) - tI \succeq 0\) ({@link PauliSdp#lmi}) with cvxopt, one thread.
     *
     * @param sdp            the problem
     * @param timeoutSeconds wall-time limit of the child process
     * @return the solution (status "timeout" and a null state if the limit was hit)
     * @throws IllegalStateException if cvxopt is not {@link #available()} or the child process fails
     */
    public static Result solve(PauliSdp sdp, double timeoutSeconds) {
        if (!available()) {
            throw new IllegalStateException("no cvxopt: install Debian's python3-cvxopt or set -D" + PYTHON_PROPERTY);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("densitylab-sdp");
            PauliSdp.Lmi lmi = sdp.lmi();
            Npy.write(dir.resolve("rows.npy"), NpyArray.of(lmi.rows(), lmi.rows().length));
            Npy.write(dir.resolve("cols.npy"), NpyArray.of(lmi.cols(), lmi.cols().length));
            Npy.write(dir.resolve("values.npy"), NpyArray.of(lmi.values(), lmi.values().length));
            Npy.write(dir.resolve("h.npy"), NpyArray.of(lmi.h(), lmi.h().length));
            Npy.write(dir.resolve("c.npy"), NpyArray.of(lmi.c(), lmi.c().length));
            Files.writeString(dir.resolve("order.txt"), Integer.toString(lmi.order()));
            Path script = dir.resolve("cvxopt_sdp.py");
            try (InputStream in = CvxoptSdp.class.getResourceAsStream("cvxopt_sdp.py")) {
                Files.copy(in, script);
            }
            ProcessBuilder pb = new ProcessBuilder(python(), script.toString(), dir.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("log.txt").toFile());
            pb.environment().put("OMP_NUM_THREADS", "1");
            pb.environment().put("OPENBLAS_NUM_THREADS", "1");
            Process p = pb.start();
            if (!p.waitFor((long) Math.ceil(timeoutSeconds * 1000), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                return new Result(null, Double.NaN, "timeout", Double.NaN, 0);
            }
            if (p.exitValue() != 0 || !Files.exists(dir.resolve("result.json"))) {
                throw new IllegalStateException("cvxopt failed (exit " + p.exitValue() + "): "
                        + Files.readString(dir.resolve("log.txt"), StandardCharsets.UTF_8));
            }
            JsonObject r = JsonParser.parseString(Files.readString(dir.resolve("result.json"))).getAsJsonObject();
            double[] v = Npy.read(dir.resolve("v.npy")).doubles();
            ComplexMatrix x = v.length == lmi.variables() ? sdp.assemble(java.util.Arrays.copyOf(v, v.length - 1)) : null;
            return new Result(x, v.length == lmi.variables() ? v[v.length - 1] : Double.NaN, r.get("status").getAsString(),
                    r.get("seconds").getAsDouble(), r.get("iterations").getAsInt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static String python() {
        return System.getProperty(PYTHON_PROPERTY, DEFAULT_PYTHON);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
