package org.densitylab.kernel;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up settings of the kernel and the headless runner, read from IJava's environment variables so
 * that kernelspecs and Binder set-ups written for IJava keep working.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>meaning</th></tr>
 *   <tr><td>{@code IJAVA_CLASSPATH}</td><td>path-separator list of jars, directories or globs added at
 *       start</td></tr>
 *   <tr><td>{@code IJAVA_COMPILER_OPTS}</td><td>javac options, split at spaces</td></tr>
 *   <tr><td>{@code IJAVA_STARTUP_SCRIPTS_PATH}</td><td>path-separator list of {@code .jsh} files or
 *       globs run at start</td></tr>
 *   <tr><td>{@code IJAVA_STARTUP_SCRIPT}</td><td>Java code run at start, after the scripts</td></tr>
 *   <tr><td>{@code IJAVA_TIMEOUT}</td><td>limit per top-level statement: milliseconds, or
 *       {@code "30 SECONDS"}; -1 (the default) for none</td></tr>
 * </table>
 *
 * @param classPath      jars, directories or globs to add at start
 * @param compilerOpts   javac options
 * @param startupScripts {@code .jsh} files or globs to run at start
 * @param startupScript  code to run at start, possibly empty
 * @param timeoutMillis  limit per top-level statement, &le; 0 for none
 */
public record KernelConfig(List<String> classPath, List<String> compilerOpts, List<String> startupScripts,
                           String startupScript, long timeoutMillis) {

    /** The JVM property that tells JavaCPP where to unpack ND4J's native libraries. */
    public static final String JAVACPP_CACHE_PROPERTY = "org.bytedeco.javacpp.cachedir";

    /**
     * Unless the JVM was started with {@value #JAVACPP_CACHE_PROPERTY}, sets it to {@code $JAVACPP_CACHE}
     * or the running user's {@code ~/.cache/densitylab/javacpp} (about 400 MB, unpacked on first use).
     * The kernel and the notebook runner call this at start, so one kernelspec serves every user.
     */
    public static void useJavacppCacheOfThisUser() {
        if (System.getProperty(JAVACPP_CACHE_PROPERTY) == null) {
            System.setProperty(JAVACPP_CACHE_PROPERTY, javacppCache(System.getenv(), System.getProperty("user.home")));
        }
    }

    /**
     * @param env  the environment
     * @param home the user's home folder
     * @return {@code $JAVACPP_CACHE}, else {@code $XDG_CACHE_HOME/densitylab/javacpp}, else
     *         {@code HOME/.cache/densitylab/javacpp}
     */
    static String javacppCache(Map<String, String> env, String home) {
        String set = env.get("JAVACPP_CACHE");
        if (set != null && !set.isBlank()) {
            return set;
        }
        return userCache(env, home).resolve("densitylab").resolve("javacpp").toString();
    }

    /**
     * @param env  the environment
     * @param home the user's home folder
     * @return the user's cache folder: {@code $XDG_CACHE_HOME}, else {@code HOME/.cache}
     */
    static java.nio.file.Path userCache(Map<String, String> env, String home) {
        String xdg = env.get("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank() ? java.nio.file.Path.of(xdg) : java.nio.file.Path.of(home, ".cache");
    }

    /** @return the settings of the current process environment */
    public static KernelConfig fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * @param env environment variables
     * @return the settings they describe
     * @throws IllegalArgumentException if {@code IJAVA_TIMEOUT} cannot be read
     */
    public static KernelConfig fromEnvironment(Map<String, String> env) {
        return new KernelConfig(
                pathList(env.get("IJAVA_CLASSPATH")),
                words(env.get("IJAVA_COMPILER_OPTS")),
                pathList(env.get("IJAVA_STARTUP_SCRIPTS_PATH")),
                env.getOrDefault("IJAVA_STARTUP_SCRIPT", ""),
                timeout(env.get("IJAVA_TIMEOUT")));
    }

    /** @return settings with nothing extra: no class path, options, scripts or time limit */
    public static KernelConfig defaults() {
        return new KernelConfig(List.of(), List.of(), List.of(), "", -1);
    }

    private static List<String> pathList(String s) {
        List<String> out = new ArrayList<>();
        if (s != null) {
            for (String p : s.split(File.pathSeparator)) {
                if (!p.isBlank()) {
                    out.add(p.strip());
                }
            }
        }
        return out;
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        if (s != null) {
            for (String w : s.strip().split("\\s+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    static long timeout(String s) {
        if (s == null || s.isBlank()) {
            return -1;
        }
        String[] parts = s.strip().split("\\s+");
        try {
            long n = Long.parseLong(parts[0]);
            if (n < 0 || parts.length == 1) {
                return n;
            }
            return TimeUnit.valueOf(parts[1].toUpperCase(Locale.ROOT)).toMillis(n);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("IJAVA_TIMEOUT must be milliseconds or '<n> <unit>' such as"
                    + " '30 SECONDS', got '" + s + "'", e);
        }
    }
}
