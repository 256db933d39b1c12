package org.densitylab.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.densitylab.data.io.Npy;
import org.densitylab.data.io.NpyArray;
import org.densitylab.entanglement.CnnConfig;
import org.densitylab.entanglement.EntanglementNet;
import org.densitylab.entanglement.LabelledStates;
import org.densitylab.entanglement.SiameseBatch;
import org.densitylab.marginals.Adam;
import org.densitylab.marginals.CdaeLoss;
import org.densitylab.nn.NativeBuild;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code densitylab bench --vs-pytorch [CASE...] [--threads 1,2] [--rounds R] [--seconds S]}: our training and
 * inference steps against the same networks in PyTorch (Debian's python3-torch, the script {@code peer_bench.py}
 * next to this class), measured like for like. For each thread count T, two worker processes start with
 * {@code OMP_NUM_THREADS=T}: a JVM running our step (ND4J's OpenMP threads and the project's thread pool at T) and
 * Python running PyTorch's ({@code torch.set_num_threads(T)}). Both build the network, load the same batches, and
 * warm up (≥ 3 s and ≥ 20 steps); then the bench asks them in turn for one timed round each (≥ S seconds, ours
 * first in even rounds, PyTorch first in odd ones), so that both see the same machine state. It prints the median
 * rate of each, the range over the rounds, the median of the per-round ratios, the parameter counts of both
 * networks, the native build, and the load average before and after. Batch assembly is not timed (the same
 * pre-built batches are cycled in both). Without PyTorch only our rates are printed, with a note.
 *
 * <p>Cases: {@code cnn-train} and {@code siamese-train} (the entanglement paper's CNN and triple Siamese CNN for 3
 * qubits, batch 128, Adam; the Siamese network with λπ = λlu = 0.5, i.e. three forward passes), {@code cnn-infer}
 * (CNN probabilities, batch 1024), {@code cdae-train-3} and {@code cdae-train-4} (the marginals CDAE, S = 10,
 * batch 100, model1 loss with k = N − 1, Adam).
 */
public final class PeerBench {
    /** The cases, in the order they run. */
    static final List<String> CASES = List.of("cnn-train", "siamese-train", "cnn-infer", "cdae-train-3", "cdae-train-4");
    private static final int BATCH = 128;
    private static final int INFER_BATCH = 1024;
    /** Pre-built batches cycled by the training cases. */
    private static final int POOL = 8;
    /**
     * Warm-up of each worker before the timed rounds, the same for both (sent with {@code setup}). Our JVM needs
     * it at two threads: in one run of 400 CNN training steps after 40 of warm-up (idle machine), steps of
     * 100-280 ms stood among 30-ms ones until about step 230 (some 15 s after the start), while the JVM was still
     * compiling (its JIT log); after that they stayed at 29-33 ms. A hypothesis for the cause: JIT compiler threads
     * take a core from one of the two OpenMP threads, and the other waits at the next barrier. At one thread the
     * steps were even (p10-p90 50-57 ms).
     */
    private static final double WARMUP_SECONDS = 20;
    private static final int WARMUP_STEPS = 20;

    private PeerBench() {
    }

    /** One workload: a step trains once (or predicts one batch) and returns the number of samples. */
    private interface Workload {
        long step();
    }

    /** A set-up workload, its network's parameter count and the graphs it runs (for op timing). */
    private record Setup(Workload work, long params, List<org.nd4j.autodiff.samediff.SameDiff> graphs) {
    }

    /**
     * Command-line entry (after {@code --vs-pytorch} was seen).
     *
     * @param args case names, {@code --threads T,T}, {@code --rounds R}, {@code --seconds S}
     * @param out  where to print
     * @throws IOException if the workers cannot be started or talked to
     */
    public static void run(List<String> args, PrintStream out) throws IOException {
        List<String> cases = new ArrayList<>();
        int[] threads = {1, 2};
        int rounds = 5;
        double seconds = 1.5;
        int profile = 0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--vs-pytorch" -> { }
                case "--threads" -> threads = Arrays.stream(value(args, ++i, a).split(",")).mapToInt(s -> positive(a, s)).toArray();
                case "--rounds" -> rounds = positive(a, value(args, ++i, a));
                case "--seconds" -> seconds = seconds(value(args, ++i, a));
                case "--profile" -> profile = positive(a, value(args, ++i, a));
                default -> {
                    if (!CASES.contains(a)) {
                        throw new IllegalArgumentException("unknown --vs-pytorch case '" + a + "'; known: " + String.join(", ", CASES));
                    }
                    cases.add(a);
                }
            }
        }
        compare(cases.isEmpty() ? CASES : cases, threads, rounds, seconds, profile, out);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static double seconds(String s) {
        try {
            double v = Double.parseDouble(s.trim());
            if (v > 0 && v <= 600) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--seconds must be a number of seconds in (0, 600], got '" + s + "'");
    }

    private static int positive(String option, String s) {
        try {
            int v = Integer.parseInt(s.trim());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a positive whole number, got '" + s + "'");
    }

    /** Medians and ranges of one case at one thread count. */
    private record Row(String kase, int threads, double[] ours, double[] peer, long oursParams, long peerParams) {
    }

    private static void compare(List<String> cases, int[] threads, int rounds, double seconds, int profile, PrintStream out)
            throws IOException {
        Path dir = Files.createTempDirectory("densitylab-vs-pytorch");
        try {
            Path script = dir.resolve("peer_bench.py");
            try (InputStream in = PeerBench.class.getResourceAsStream("peer_bench.py")) {
                Files.copy(in, script);
            }
            String python = System.getProperty("densitylab.python", "/usr/bin/python3");
            String peerProblem = peerProblem(python);
            String load0 = loadAverage();
            out.printf(Locale.ROOT, "# densitylab bench --vs-pytorch, %s, %s, %d cores, load average %s%n",
                    ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")), cpuModel(),
                    Runtime.getRuntime().availableProcessors(), load0);
            out.printf(Locale.ROOT, "# %d interleaved rounds of >= %.1f s per case and thread count after >= %.0f s and >= %d steps"
                    + " of warm-up; batch assembly not timed%n", rounds, seconds, WARMUP_SECONDS, WARMUP_STEPS);
            if (peerProblem != null) {
                out.println("# PyTorch peer skipped: " + peerProblem + " (install Debian's python3-torch); our rates only");
            }
            List<Row> rows = new ArrayList<>();
            for (int t : threads) {
                try (Worker ours = Worker.java(t, dir); Worker peer = peerProblem == null ? Worker.python(python, script, t, dir) : null) {
                    out.printf(Locale.ROOT, "# %d thread%s: ours %s, native build %s, OMP_NUM_THREADS=%d; peer %s%n", t, t == 1 ? "" : "s",
                            ours.hello.get("framework").getAsString(), ours.hello.get("build").getAsString(), t,
                            peer == null ? "-" : peer.hello.get("framework").getAsString() + ", " + peer.hello.get("threads").getAsInt()
                                    + " threads (" + peer.hello.get("config").getAsString() + ")");
                    for (String c : cases) {
                        Path data = Files.createDirectories(dir.resolve(c + "-" + t));
                        String setup = "setup " + c + " " + data + " " + WARMUP_SECONDS;
                        long op = ours.call(setup).get("params").getAsLong();
                        long pp = peer == null ? 0 : peer.call(setup).get("params").getAsLong();
                        double[] o = new double[rounds];
                        double[] p = new double[rounds];
                        for (int r = 0; r < rounds; r++) {
                            Worker first = r % 2 == 0 || peer == null ? ours : peer;
                            Worker second = first == ours ? peer : ours;
                            double a = first.round(seconds);
                            double b = second == null ? Double.NaN : second.round(seconds);
                            o[r] = first == ours ? a : b;
                            p[r] = first == ours ? b : a;
                        }
                        Row row = new Row(c, t, o, p, op, pp);
                        rows.add(row);
                        out.println(line(row));
                        if (profile > 0) {
                            out.print(profileTable(c + ", " + t + " thread" + (t == 1 ? "" : "s"), ours.call("profile " + profile),
                                    peer == null ? null : peer.call("profile " + profile)));
                        }
                    }
                }
            }
            out.printf(Locale.ROOT, "%n| case | threads | ours, samples/s | PyTorch, samples/s | ours / PyTorch | parameters |%n");
            out.printf(Locale.ROOT, "|---|---|---|---|---|---|%n");
            for (Row r : rows) {
                out.printf(Locale.ROOT, "| %s | %d | %s (%s–%s) | %s | %s | %,d%s |%n", r.kase(), r.threads(), fmt(median(r.ours())),
                        fmt(min(r.ours())), fmt(max(r.ours())),
                        Double.isNaN(r.peer()[0]) ? "–" : fmt(median(r.peer())) + " (" + fmt(min(r.peer())) + "–" + fmt(max(r.peer())) + ")",
                        Double.isNaN(r.peer()[0]) ? "–" : String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", median(ratios(r)), min(ratios(r)), max(ratios(r))),
                        r.oursParams(), r.peerParams() == 0 || r.peerParams() == r.oursParams() ? "" : String.format(Locale.ROOT, " (PyTorch: %,d!)", r.peerParams()));
            }
            out.printf(Locale.ROOT, "# load average at start %s, at end %s%n", load0, loadAverage());
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Op-by-op time per step of both frameworks side by side, largest first. */
    private static String profileTable(String title, JsonObject ours, JsonObject peer) {
        StringBuilder sb = new StringBuilder();
        List<String[]> left = topOps(ours);
        List<String[]> right = peer == null ? List.of() : topOps(peer);
        sb.append(String.format(Locale.ROOT, "  %-46s | %s%n", "ours (" + title + "): " + fmt2(ours.get("step_ms").getAsDouble()) + " ms/step",
                peer == null ? "" : "PyTorch: " + fmt2(peer.get("step_ms").getAsDouble()) + " ms/step"));
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            String l = i < left.size() ? String.format(Locale.ROOT, "%-32s %8s %4s", left.get(i)[0], left.get(i)[1], left.get(i)[2]) : "";
            String r = i < right.size() ? String.format(Locale.ROOT, "%-36s %8s %4s", right.get(i)[0], right.get(i)[1], right.get(i)[2]) : "";
            sb.append(String.format(Locale.ROOT, "    %-44s | %s%n", l, r));
        }
        return sb.toString();
    }

    /** The ops taking at least 1 % of a step (at most 14), as name, ms per step and share; the rest summed. */
    private static List<String[]> topOps(JsonObject profile) {
        double step = profile.get("step_ms").getAsDouble();
        List<Map.Entry<String, Double>> ops = new ArrayList<>();
        profile.getAsJsonObject("ops").entrySet().forEach(e -> ops.add(Map.entry(e.getKey(), e.getValue().getAsDouble())));
        ops.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        List<String[]> out = new ArrayList<>();
        double rest = step;
        for (var e : ops) {
            if (out.size() >= 14 || e.getValue() < 0.01 * step) {
                break;
            }
            String name = e.getKey().length() > 32 ? e.getKey().substring(0, 31) + "…" : e.getKey();
            out.add(new String[] {name, fmt2(e.getValue()), String.format(Locale.ROOT, "%.0f%%", 100 * e.getValue() / step)});
            rest -= e.getValue();
        }
        out.add(new String[] {"(all else)", fmt2(rest), String.format(Locale.ROOT, "%.0f%%", 100 * rest / step)});
        return out;
    }

    private static String fmt2(double ms) {
        return String.format(Locale.ROOT, ms >= 10 ? "%.1f" : "%.2f", ms);
    }

    private static String line(Row r) {
        String head = String.format(Locale.ROOT, "%-14s %d thread%s  ours %8s/s (%s..%s)", r.kase(), r.threads(), r.threads() == 1 ? " " : "s",
                fmt(median(r.ours())), fmt(min(r.ours())), fmt(max(r.ours())));
        if (Double.isNaN(r.peer()[0])) {
            return head + String.format(Locale.ROOT, "  params %,d", r.oursParams());
        }
        return head + String.format(Locale.ROOT, "  PyTorch %8s/s (%s..%s)  ratio %.2f (%.2f..%.2f)  params %,d / %,d%s", fmt(median(r.peer())),
                fmt(min(r.peer())), fmt(max(r.peer())), median(ratios(r)), min(ratios(r)), max(ratios(r)), r.oursParams(), r.peerParams(),
                r.oursParams() == r.peerParams() ? "" : "  PARAMETER COUNTS DIFFER");
    }

    private static double[] ratios(Row r) {
        double[] q = new double[r.ours().length];
        for (int i = 0; i < q.length; i++) {
            q[i] = r.ours()[i] / r.peer()[i];
        }
        return q;
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] x) {
        return Arrays.stream(x).min().orElse(Double.NaN);
    }

    private static double max(double[] x) {
        return Arrays.stream(x).max().orElse(Double.NaN);
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, x >= 100 ? "%,.0f" : "%.3g", x);
    }

    /** @return why the PyTorch peer cannot run, or null if it can */
    private static String peerProblem(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import torch, numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return python + " did not import torch within 120 s";
            }
            return p.exitValue() == 0 ? null : python + " cannot import torch and numpy";
        } catch (IOException e) {
            return python + " cannot be started (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2] + " (1 / 5 / 15 min)";
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("CPU");
        } catch (IOException | UncheckedIOException e) {
            return "CPU";
        }
    }

    /** A worker process answering one JSON line per command (see peer_bench.py for the protocol). */
    private static final class Worker implements AutoCloseable {
        private final Process process;
        private final Writer in;
        private final BufferedReader out;
        private final Path log;
        final JsonObject hello;

        private Worker(ProcessBuilder pb, Path log) throws IOException {
            this.log = log;
            this.process = pb.redirectError(log.toFile()).start();
            this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.hello = read();
        }

        static Worker java(int threads, Path dir) throws IOException {
            List<String> cmd = new ArrayList<>();
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> !a.startsWith("-Ddensitylab.threads")
                    && !a.startsWith("-agentlib") && !a.startsWith("-javaagent")).toList());
            cmd.addAll(List.of("-Ddensitylab.threads=" + threads, "-cp", System.getProperty("java.class.path"), PeerBench.class.getName(),
                    Integer.toString(threads)));
            ProcessBuilder pb = new ProcessBuilder(cmd);
            threads(pb, threads);
            return new Worker(pb, dir.resolve("ours-" + threads + ".log"));
        }

        static Worker python(String python, Path script, int threads, Path dir) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(python, script.toString(), Integer.toString(threads));
            threads(pb, threads);
            return new Worker(pb, dir.resolve("peer-" + threads + ".log"));
        }

        private static void threads(ProcessBuilder pb, int threads) {
            for (String v : List.of("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")) {
                pb.environment().put(v, Integer.toString(threads));
            }
        }

        JsonObject call(String command) throws IOException {
            in.write(command + "\n");
            in.flush();
            return read();
        }

        double round(double seconds) throws IOException {
            JsonObject r = call(String.format(Locale.ROOT, "round %.3f", seconds));
            return r.get("samples").getAsDouble() / r.get("seconds").getAsDouble();
        }

        private JsonObject read() throws IOException {
            String line = out.readLine();
            if (line == null) {
                String tail = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
                tail = tail.length() > 2000 ? tail.substring(tail.length() - 2000) : tail;
                throw new IOException("bench worker stopped (" + String.join(" ", process.info().commandLine().orElse("?")) + "):\n" + tail);
            }
            return JsonParser.parseString(line).getAsJsonObject();
        }

        @Override
        public void close() throws IOException {
            try {
                in.write("quit\n");
                in.flush();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The Java worker: {@code java ... org.densitylab.bench.PeerBench THREADS}, started by {@link #run} with
     * {@code OMP_NUM_THREADS=THREADS}; answers the commands of peer_bench.py on standard output.
     *
     * @param args the thread count
     * @throws IOException if standard input fails
     */
    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);   // anything else printed goes to the log, not into the protocol
        NativeBuild.announce(System.err);
        JsonObject hello = new JsonObject();
        hello.addProperty("framework", "DL4J/ND4J 1.0.0-M2.1");
        hello.addProperty("build", Bench.nativeBuild());
        hello.addProperty("threads", args.length > 0 ? args[0] : "?");
        protocol.println(hello);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Workload work = null;
        List<org.nd4j.autodiff.samediff.SameDiff> graphs = List.of();
        for (String line; (line = in.readLine()) != null; ) {
            String[] cmd = line.trim().split("\\s+");
            JsonObject reply = new JsonObject();
            if (cmd[0].equals("quit")) {
                break;
            } else if (cmd[0].equals("setup")) {
                Setup s = setup(cmd[1], Path.of(cmd[2]));
                work = s.work();
                graphs = s.graphs();
                timed(work, Double.parseDouble(cmd[3]), WARMUP_STEPS);
                reply.addProperty("params", s.params());
            } else if (cmd[0].equals("profile")) {
                int steps = Integer.parseInt(cmd[1]);
                OpTimer timer = new OpTimer();
                Map<org.nd4j.autodiff.samediff.SameDiff, List<org.nd4j.autodiff.listeners.Listener>> before = new LinkedHashMap<>();
                graphs.forEach(g -> {
                    before.put(g, new ArrayList<>(g.getListeners()));
                    g.addListeners(timer);
                });
                long t0 = System.nanoTime();
                for (int i = 0; i < steps; i++) {
                    timer.start();
                    work.step();
                    timer.stop();
                }
                double wall = (System.nanoTime() - t0) / 1e6 / steps;
                before.forEach(org.nd4j.autodiff.samediff.SameDiff::setListeners);
                JsonObject ops = new JsonObject();
                timer.nanos().forEach((k, v) -> ops.addProperty(k, v / 1e6 / steps));
                reply.addProperty("step_ms", wall);
                reply.add("ops", ops);
            } else if (cmd[0].equals("round")) {
                long t0 = System.nanoTime();
                long samples = timed(work, Double.parseDouble(cmd[1]), 2);
                reply.addProperty("samples", samples);
                reply.addProperty("seconds", (System.nanoTime() - t0) / 1e9);
            }
            protocol.println(reply);
        }
    }

    private static long timed(Workload w, double seconds, int minSteps) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long samples = 0;
        for (int s = 0; s < minSteps || System.nanoTime() < end; s++) {
            samples += w.step();
        }
        return samples;
    }

    /** Builds our workload for a case and writes its batches as .npy into {@code dir} for the peer. */
    private static Setup setup(String kase, Path dir) throws IOException {
        if (kase.startsWith("cdae-train-")) {
            int n = Integer.parseInt(kase.substring(kase.length() - 1));
            CdaeBench.Step st = CdaeBench.Step.of(n, 100);
            write(dir, "input", st.in());
            write(dir, "target", st.tg());
            Adam adam = new Adam(st.net().parameters());
            return new Setup(() -> {
                CdaeLoss.Step s = st.loss().gradients(st.in(), st.tg());
                adam.update(st.net().parameters(), s.gradients(), 1e-4, java.util.Set.of());
                return 100;
            }, st.net().parameterCount(), List.of(st.net().graph()));
        }
        LabelledStates data = EntanglementBench.testData();
        boolean siamese = kase.equals("siamese-train");
        EntanglementNet net = EntanglementNet.create(CnnConfig.paper(3), siamese ? EntanglementNet.Kind.SIAMESE : EntanglementNet.Kind.CNN, 1e-3, 1);
        if (kase.equals("cnn-infer")) {
            INDArray x = Nd4j.create(Arrays.copyOf(data.states(), INFER_BATCH * 2 * 64), new long[] {INFER_BATCH, 2, 8, 8}, 'c');
            write(dir, "states", x);
            return new Setup(() -> {
                net.predict(x).getDouble(0);
                return INFER_BATCH;
            }, net.parameterCount(), List.of(net.graph()));
        }
        SplittableRandom r = new SplittableRandom(1);
        List<SiameseBatch> pool = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            pool.add(SiameseBatch.of(data, r.ints(BATCH, 0, data.size()).toArray(), siamese, 0.5, false, r));
        }
        Map<String, java.util.function.Function<SiameseBatch, INDArray>> parts = new LinkedHashMap<>();
        parts.put("states", SiameseBatch::states);
        parts.put("labels", SiameseBatch::labels);
        if (siamese) {
            parts.put("permuted", SiameseBatch::permuted);
            parts.put("rotated", SiameseBatch::rotated);
            parts.put("perm_matrix", SiameseBatch::permMatrix);
            parts.put("perm_mask", b -> b.permMask().reshape(-1));
        }
        for (var e : parts.entrySet()) {
            write(dir, e.getKey(), Nd4j.concat(0, pool.stream().map(b -> e.getValue().apply(b).reshape(prepend(e.getValue().apply(b).shape())))
                    .toArray(INDArray[]::new)));
        }
        if (siamese) {
            write(dir, "lambda", pool.get(0).lambda());
        }
        int[] next = {0};
        return new Setup(() -> {
            net.fit(pool.get(next[0]++ % POOL));
            return BATCH;
        }, net.parameterCount(), List.of(net.graph()));
    }

    /** Shapes of per-batch arrays, with a leading batch-pool axis for the [m, m] and [m] ones. */
    private static long[] prepend(long[] shape) {
        if (shape.length == 4 || (shape.length == 2 && shape[0] == BATCH)) {
            return shape;
        }
        long[] s = new long[shape.length + 1];
        s[0] = 1;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }

    private static void write(Path dir, String name, INDArray a) throws IOException {
        INDArray c = a.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c');
        Npy.write(dir.resolve(name + ".npy"), NpyArray.of(c.data().asFloat(), c.shape()));
    }
}
