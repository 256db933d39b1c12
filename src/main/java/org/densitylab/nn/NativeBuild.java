package org.densitylab.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Picks the native ND4J build (libnd4j) before ND4J loads: oneDNN with AVX-512 when the CPU has it, else oneDNN
 * with AVX2, else the generic build that runs on any x86-64 CPU. The default Maven build puts all three in
 * {@code target/lib}; JavaCPP loads the one named by the system property
 * {@code org.bytedeco.javacpp.platform.extension}, which {@link #select()} sets. The choice can be forced with the
 * environment variable {@code DENSITYLAB_ND4J} or the system property {@code densitylab.nd4j}: {@code generic},
 * {@code onednn-avx2}, {@code onednn-avx512} or {@code auto}. A class path with one build only (a
 * {@code -P} profile of the POM, the {@code cuda} profile) is left as it is. See docs/performance.md.
 */
public final class NativeBuild {
    /** The JavaCPP property that names the build's directory suffix. */
    static final String EXTENSION = "org.bytedeco.javacpp.platform.extension";
    private static final String RESOURCE = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64%s/libnd4jcpu.so";

    /** A CPU build: its name for {@code DENSITYLAB_ND4J}, its JavaCPP extension and the CPU flags it needs. */
    enum Build {
        ONEDNN_AVX512("onednn-avx512", "-onednn-avx512", "AVX-512",
                Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl")),
        ONEDNN_AVX2("onednn-avx2", "-onednn-avx2", "AVX2", Set.of("avx2", "fma")),
        GENERIC("generic", "", "no AVX2", Set.of());

        final String key;
        final String extension;
        final String feature;
        final Set<String> flags;

        Build(String key, String extension, String feature, Set<String> flags) {
            this.key = key;
            this.extension = extension;
            this.feature = feature;
            this.flags = flags;
        }

        String classifier() {
            return "linux-x86_64" + extension;
        }
    }

    private static String chosen;

    private NativeBuild() {
    }

    /**
     * Chooses the build (once per JVM; later calls return the first answer) and sets JavaCPP's property for it.
     * Has no effect once ND4J has loaded; then the answer says so.
     *
     * @return one line: which build and why
     * @throws IllegalArgumentException if {@code DENSITYLAB_ND4J} (or {@code densitylab.nd4j}) names an unknown
     *                                  build, one this CPU cannot run, or one that is not on the class path
     */
    public static synchronized String select() {
        if (chosen == null) {
            String request = System.getProperty("densitylab.nd4j", System.getenv("DENSITYLAB_ND4J"));
            chosen = verified(choose(request, cpuFlags(), available(), System.getProperty(EXTENSION)));
        }
        return chosen;
    }

    /**
     * {@link #select()} for start-up code: prints its line, or the error and then the automatic choice.
     *
     * @param out where to print (standard error of a command line or of the kernel)
     * @return false if {@code DENSITYLAB_ND4J} was bad (a command line then stops)
     */
    public static boolean announce(java.io.PrintStream out) {
        try {
            out.println(select());
            return true;
        } catch (IllegalArgumentException e) {
            out.println("densitylab: " + e.getMessage());
            out.println(selectAutomatically());
            return false;
        }
    }

    /**
     * {@link #select()} where nothing may be printed (library code under JShell or a stock IJava kernel): a bad
     * {@code DENSITYLAB_ND4J} falls back to the automatic choice.
     */
    public static void selectQuietly() {
        try {
            select();
        } catch (IllegalArgumentException e) {
            selectAutomatically();
        }
    }

    private static synchronized String selectAutomatically() {
        if (chosen == null) {
            chosen = verified(choose(null, cpuFlags(), available(), System.getProperty(EXTENSION)));
        }
        return chosen;
    }

    /**
     * The decision, without side effects except setting {@link #EXTENSION}.
     *
     * @param request   the user's choice (null, empty or "auto": by the CPU)
     * @param flags     the CPU's flags
     * @param available the builds on the class path
     * @param preset    a value of {@link #EXTENSION} set by the user, or null
     * @return the line to print
     */
    static String choose(String request, Set<String> flags, List<Build> available, String preset) {
        String override = "; DENSITYLAB_ND4J=generic|onednn-avx2|onednn-avx512 overrides";
        if (preset != null) {
            return "ND4J native build: linux-x86_64" + preset + " (set by -D" + EXTENSION + ")";
        }
        if (available.size() <= 1 && (request == null || request.isBlank() || request.equals("auto"))) {
            return "ND4J native build: " + (available.isEmpty() ? "the backend's own (no CPU build choice on the class path)"
                    : available.get(0).classifier() + " (the only one on the class path)");
        }
        Build pick;
        String why;
        if (request == null || request.isBlank() || request.equals("auto")) {
            pick = available.stream().filter(b -> flags.containsAll(b.flags)).findFirst().orElse(Build.GENERIC);
            why = pick == Build.GENERIC ? "the CPU has neither AVX-512 nor AVX2" : "the CPU has " + pick.feature;
        } else {
            pick = null;
            for (Build b : Build.values()) {
                if (b.key.equals(request.trim().toLowerCase(Locale.ROOT))) {
                    pick = b;
                }
            }
            if (pick == null) {
                throw new IllegalArgumentException("DENSITYLAB_ND4J=" + request + " is not a native build; use generic,"
                        + " onednn-avx2, onednn-avx512 or auto (unset)");
            }
            if (!flags.containsAll(pick.flags)) {
                throw new IllegalArgumentException("DENSITYLAB_ND4J=" + request + " needs a CPU with " + pick.feature
                        + ", which this one lacks; use " + (flags.containsAll(Build.ONEDNN_AVX2.flags) ? "onednn-avx2" : "generic"));
            }
            if (!available.contains(pick)) {
                throw new IllegalArgumentException("DENSITYLAB_ND4J=" + request + ": the build " + pick.classifier()
                        + " is not on the class path; build without a -P profile (./run.sh does) to have all three");
            }
            why = "DENSITYLAB_ND4J=" + request;
        }
        System.setProperty(EXTENSION, pick.extension);
        return "ND4J native build: " + pick.classifier() + " (" + why + (why.startsWith("DENSITYLAB") ? "" : override) + ")";
    }

    /** @return the CPU builds whose libraries are on the class path, fastest first */
    static List<Build> available() {
        List<Build> out = new ArrayList<>();
        ClassLoader cl = NativeBuild.class.getClassLoader();
        for (Build b : Build.values()) {
            if (cl.getResource(String.format(Locale.ROOT, RESOURCE, b.extension)) != null) {
                out.add(b);
            }
        }
        return out;
    }

    /** @return the CPU's feature flags from /proc/cpuinfo (empty where there is none: then the generic build) */
    static Set<String> cpuFlags() {
        Set<String> flags = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    flags.addAll(List.of(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
        return flags;
    }

    /**
     * Checks, after the choice, that ND4J had not loaded yet: code that used ND4J before {@link #select()} got
     * JavaCPP's default build, and the line then names the build that is loaded.
     */
    private static String verified(String line) {
        try {
            String loaded = org.bytedeco.javacpp.Loader.getLoadedLibraries().entrySet().stream()
                    .filter(e -> e.getKey().contains("nd4j")).map(e -> Path.of(e.getValue()).getParent())
                    .filter(java.util.Objects::nonNull).map(d -> d.getFileName().toString()).findFirst().orElse(null);
            if (loaded != null && !line.contains(loaded + " ")) {
                return "ND4J native build: " + loaded + " (ND4J was loaded before the choice, which would have been: "
                        + line.substring(line.indexOf(':') + 2) + ")";
            }
        } catch (LinkageError e) {
            return line;
        }
        return line;
    }
}
