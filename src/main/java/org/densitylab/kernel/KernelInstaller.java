package org.densitylab.kernel;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code densitylab kernel install [--user | --prefix P] [--name java] ...}: writes a Jupyter kernelspec
 * that starts this JDK on the {@code -kernel} jar and the library's {@code lib/} folder.
 *
 * <p>The kernelspec references the jars where they are (normally the project's {@code target/}), so
 * rebuilding updates the kernel; run the command again after moving them.
 */
public final class KernelInstaller {
    /** The options of {@code densitylab kernel install}. */
    public static final String USAGE = """
            usage: densitylab kernel install [--user | --prefix DIR] [--name java] [options]
              --user               install for this user: $JUPYTER_DATA_DIR or ~/.local/share/jupyter (default)
              --prefix DIR         install into DIR/share/jupyter/kernels/NAME (e.g. sys.prefix, a CI folder)
              --name NAME          kernelspec name (default: java)
              --display-name TEXT  name shown by Jupyter (default: Java (DensityLab))
              --heap SIZE          JVM heap, e.g. 768m, 4g (default: 4g)
              --offheap SIZE       ND4J/JavaCPP off-heap limit (default: same as --heap)
              --javacpp-cache DIR  where JavaCPP unpacks ND4J's native libraries (default: decided when
                                   the kernel starts: $JAVACPP_CACHE or ~/.cache/densitylab/javacpp
                                   of the user running Jupyter)
              --omp-threads N      OpenMP threads for ND4J (default: 1; measured fastest on 2 shared cores)
              --fast-start         C1-only JIT and serial GC: ~1 s faster start and cells, slower long loops
              --jvm-opt OPT        extra JVM option (repeatable)
              --classpath CP       extra jars/globs for every notebook (IJAVA_CLASSPATH)
              --startup FILE       .jsh file run at kernel start (IJAVA_STARTUP_SCRIPTS_PATH)
              --env NAME=VALUE     extra environment variable of the kernel (repeatable), e.g. DENSITYLAB_QUICK=1
              --kernel-jar JAR     the densitylab-*-kernel.jar to run (default: found next to this jar)
              --lib DIR            the library's dependency jars (default: lib/ next to the kernel jar)
            """;

    private KernelInstaller() {
    }

    /**
     * Parses the options and writes the kernelspec.
     *
     * @param args the options after {@code kernel install}
     * @return the kernelspec directory written
     * @throws IllegalArgumentException on a bad option, with a message saying what to do
     * @throws IOException              if the files cannot be written
     */
    public static Path install(List<String> args) throws IOException {
        Map<String, String> opt = new LinkedHashMap<>();
        List<String> jvmOpts = new ArrayList<>();
        Map<String, String> extraEnv = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--user", "--fast-start" -> opt.put(a, "true");
                case "--prefix", "--name", "--display-name", "--heap", "--offheap", "--javacpp-cache",
                     "--omp-threads", "--classpath", "--startup", "--kernel-jar", "--lib" -> {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(a + " needs a value\n" + USAGE);
                    }
                    opt.put(a, args.get(++i));
                }
                case "--env" -> {
                    if (i + 1 >= args.size() || !args.get(i + 1).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                        throw new IllegalArgumentException("--env needs NAME=VALUE\n" + USAGE);
                    }
                    String[] kv = args.get(++i).split("=", 2);
                    extraEnv.put(kv[0], kv[1]);
                }
                case "--jvm-opt" -> {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("--jvm-opt needs a value\n" + USAGE);
                    }
                    jvmOpts.add(args.get(++i));
                }
                default -> throw new IllegalArgumentException("unknown option '" + a + "'\n" + USAGE);
            }
        }
        if (opt.containsKey("--user") && opt.containsKey("--prefix")) {
            throw new IllegalArgumentException("give either --user or --prefix, not both");
        }
        if (ModuleLayer.boot().findModule("jdk.jshell").isEmpty()) {
            throw new IllegalArgumentException("this Java (" + System.getProperty("java.home") + ") has no"
                    + " jdk.jshell module; install a full JDK 17+, e.g. apt-get install openjdk-17-jdk-headless");
        }
        String name = opt.getOrDefault("--name", "java");
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("--name may only hold letters, digits, '.', '_' and '-'");
        }
        Path kernelJar = opt.containsKey("--kernel-jar") ? Path.of(opt.get("--kernel-jar")) : findKernelJar();
        kernelJar = kernelJar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(kernelJar)) {
            throw new IllegalArgumentException("kernel jar " + kernelJar + " not found; build it with"
                    + " 'mvn package -DskipTests' or pass --kernel-jar");
        }
        Path lib = (opt.containsKey("--lib") ? Path.of(opt.get("--lib")) : kernelJar.resolveSibling("lib"))
                .toAbsolutePath().normalize();
        if (!Files.isDirectory(lib)) {
            throw new IllegalArgumentException("library folder " + lib + " not found; 'mvn package' creates"
                    + " target/lib, or pass --lib");
        }
        String heap = opt.getOrDefault("--heap", "4g");
        String offheap = opt.getOrDefault("--offheap", heap);
        long physical = bytes(heap) + bytes(offheap) + (512L << 20);

        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.add("-Xmx" + heap);
        argv.add("-Dorg.bytedeco.javacpp.maxbytes=" + offheap.toUpperCase(Locale.ROOT));
        argv.add("-Dorg.bytedeco.javacpp.maxphysicalbytes=" + (physical >> 20) + "M");
        if (opt.containsKey("--javacpp-cache")) {
            // else the kernel picks the cache of whoever runs it (KernelConfig.useJavacppCacheOfThisUser):
            // a kernelspec installed by root for everyone must not send other users to root's folder
            argv.add("-Dorg.bytedeco.javacpp.cachedir=" + Path.of(opt.get("--javacpp-cache")).toAbsolutePath());
        }
        argv.add("-Djava.awt.headless=true");
        argv.add("-Dfile.encoding=UTF-8");
        if (opt.containsKey("--fast-start")) {
            argv.add("-XX:TieredStopAtLevel=1");
            argv.add("-XX:+UseSerialGC");
        }
        argv.addAll(jvmOpts);
        argv.add("-javaagent:" + kernelJar);
        argv.add("-cp");
        argv.add(kernelJar + java.io.File.pathSeparator + lib + "/*");
        argv.add(KernelMain.class.getName());
        argv.add("{connection_file}");

        Map<String, String> env = new LinkedHashMap<>();
        env.put("OMP_NUM_THREADS", opt.getOrDefault("--omp-threads", "1"));
        if (opt.containsKey("--classpath")) {
            env.put("IJAVA_CLASSPATH", opt.get("--classpath"));
        }
        if (opt.containsKey("--startup")) {
            env.put("IJAVA_STARTUP_SCRIPTS_PATH", Path.of(opt.get("--startup")).toAbsolutePath().toString());
        }

        env.putAll(extraEnv);

        Path dir = kernelsDir(opt.get("--prefix")).resolve(name);
        Files.createDirectories(dir);
        writeAtomically(dir.resolve("kernel.json"),
                kernelJson(argv, opt.getOrDefault("--display-name", "Java (DensityLab)"), env));
        return dir;
    }

    /** Where Jupyter looks for kernelspecs: {@code PREFIX/share/jupyter/kernels} or the user's folder. */
    static Path kernelsDir(String prefix) {
        if (prefix != null) {
            return Path.of(prefix).toAbsolutePath().resolve("share/jupyter/kernels");
        }
        String data = System.getenv("JUPYTER_DATA_DIR");
        if (data != null && !data.isBlank()) {
            return Path.of(data).toAbsolutePath().resolve("kernels");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("jupyter/kernels");
    }

    /** The {@code -kernel} jar next to the jar or classes folder this class was loaded from. */
    static Path findKernelJar() {
        Path here;
        try {
            here = Path.of(KernelInstaller.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("cannot tell where DensityLab is installed; pass --kernel-jar");
        }
        String file = here.getFileName().toString();
        if (file.endsWith("-kernel.jar")) {
            return here;
        }
        if (file.endsWith(".jar")) {
            return here.resolveSibling(file.substring(0, file.length() - 4) + "-kernel.jar");
        }
        Path dir = here.getParent();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("densitylab-.*-kernel\\.jar")).sorted()
                    .reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalArgumentException("no densitylab-*-kernel.jar in " + dir
                            + "; run 'mvn package -DskipTests' first"));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + dir + ": " + e.getMessage());
        }
    }

    static long bytes(String size) {
        var m = java.util.regex.Pattern.compile("(\\d+)([kKmMgGtT]?)").matcher(size.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("size '" + size + "' must look like 768m or 4g");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            case "t" -> n << 40;
            default -> n;
        };
    }

    static String kernelJson(List<String> argv, String displayName, Map<String, String> env) {
        StringBuilder sb = new StringBuilder("{\n  \"argv\": [\n");
        for (int i = 0; i < argv.size(); i++) {
            sb.append("    ").append(quote(argv.get(i))).append(i + 1 < argv.size() ? ",\n" : "\n");
        }
        sb.append("  ],\n  \"display_name\": ").append(quote(displayName)).append(",\n")
                .append("  \"language\": \"java\",\n  \"interrupt_mode\": \"message\",\n  \"env\": {");
        int i = 0;
        for (Map.Entry<String, String> e : env.entrySet()) {
            sb.append(i++ == 0 ? "\n" : ",\n").append("    ").append(quote(e.getKey())).append(": ")
                    .append(quote(e.getValue()));
        }
        return sb.append(env.isEmpty() ? "}\n}\n" : "\n  }\n}\n").toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Writes a file atomically, readable by others ({@link org.densitylab.util.AtomicFiles}).
     *
     * @param target the file
     * @param text   its content
     * @throws IOException naming the file if writing fails
     */
    public static void writeAtomically(Path target, String text) throws IOException {
        org.densitylab.util.AtomicFiles.writeString(target, text);
    }
}
