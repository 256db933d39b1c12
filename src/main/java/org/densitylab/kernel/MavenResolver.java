package org.densitylab.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Resolves {@code %maven} coordinates with their transitive dependencies through the installed Maven
 * ({@code mvn} on the {@code PATH}, or the command in {@code $MAVEN_CMD}): the local repository
 * ({@code ~/.m2}) first, then Maven Central and any repositories added with {@code %mavenRepo}.
 *
 * <p>Running Maven itself, rather than embedding a resolver in the kernel, keeps the kernel's class path
 * free of Maven's many libraries and uses the user's {@code settings.xml} (mirrors, proxies) as is.
 *
 * <p>Maven reads {@code .mvn/jvm.config} and {@code .mvn/maven.config} from the first folder upward from
 * the POM that has a {@code .mvn} folder. So the POM is never put in a shared folder such as
 * {@code /tmp}, where another user could plant {@code /tmp/.mvn/jvm.config} and run code as the notebook's
 * user: it goes in a fresh folder under the user's own cache ({@code ~/.cache/densitylab/maven}, mode
 * 0700), which holds an empty {@code .mvn} folder of its own so the search stops there, and Maven is told
 * that folder is the project's base ({@code MAVEN_BASEDIR}, {@code -Dmaven.multiModuleProjectDirectory}).
 */
final class MavenResolver {
    private static final String DEPENDENCY_PLUGIN =
            "org.apache.maven.plugins:maven-dependency-plugin:3.6.1:build-classpath";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private final Map<String, String> repositories = new LinkedHashMap<>();
    private final Path base;

    /** Resolves in folders under the user's cache: {@code $XDG_CACHE_HOME} or {@code ~/.cache}. */
    MavenResolver() {
        this(KernelConfig.userCache(System.getenv(), System.getProperty("user.home")).resolve("densitylab")
                .resolve("maven"));
    }

    /**
     * @param base the folder the per-resolution folders are made in; created owner-only if missing
     */
    MavenResolver(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }


    /**
     * @param id  a repository id
     * @param url its URL
     */
    void addRepository(String id, String url) {
        repositories.put(id, url);
    }

    /**
     * @param coordinates {@code group:artifact:version}, {@code group:artifact:type:version} or
     *                    {@code group:artifact:type:classifier:version}
     * @return the jars of the artifacts and their runtime dependencies
     * @throws CellException if a coordinate is malformed, Maven is missing or resolution fails
     */
    List<Path> resolve(List<String> coordinates) throws CellException {
        StringBuilder deps = new StringBuilder();
        for (String c : coordinates) {
            String[] p = c.split(":");
            if (p.length < 3 || p.length > 5) {
                throw MagicError.of("maven", "'" + c + "' is not group:artifact[:type[:classifier]]:version");
            }
            deps.append("<dependency><groupId>").append(p[0]).append("</groupId><artifactId>").append(p[1])
                    .append("</artifactId><version>").append(p[p.length - 1]).append("</version>");
            if (p.length >= 4) {
                deps.append("<type>").append(p[2]).append("</type>");
            }
            if (p.length == 5) {
                deps.append("<classifier>").append(p[3]).append("</classifier>");
            }
            deps.append("</dependency>");
        }
        StringBuilder repos = new StringBuilder();
        repositories.forEach((id, url) -> repos.append("<repository><id>").append(id).append("</id><url>")
                .append(url).append("</url></repository>"));
        String pom = "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                + "<groupId>densitylab.notebook</groupId><artifactId>maven-magic</artifactId><version>1</version>"
                + "<packaging>pom</packaging><repositories>" + repos + "</repositories><dependencies>" + deps
                + "</dependencies></project>";
        Path dir = null;
        try {
            dir = privateFolder();
            Files.writeString(dir.resolve("pom.xml"), pom);
            Path cp = dir.resolve("classpath.txt");
            Path log = dir.resolve("mvn.log");
            String mvn = System.getenv().getOrDefault("MAVEN_CMD", "mvn");
            List<String> cmd = new ArrayList<>(List.of(mvn, "-B", "-q", "-Dstyle.color=never",
                    "-Dmaven.multiModuleProjectDirectory=" + dir, "-f", dir.resolve("pom.xml").toString(),
                    DEPENDENCY_PLUGIN, "-Dmdep.outputFile=" + cp, "-Dmdep.includeScope=runtime"));
            Process proc;
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                pb.environment().put("MAVEN_BASEDIR", dir.toString());
                proc = pb.start();
            } catch (IOException e) {
                throw MagicError.of("maven", "cannot run '" + mvn + "' (" + e.getMessage() + "): install Maven"
                        + " (apt-get install maven), set MAVEN_CMD, or add the jars with %jars");
            }
            if (!proc.waitFor(10, TimeUnit.MINUTES)) {
                proc.destroyForcibly();
                throw MagicError.of("maven", "Maven did not finish within 10 minutes");
            }
            if (proc.exitValue() != 0 || !Files.exists(cp)) {
                List<String> reasons = new ArrayList<>();
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    String l = line.replaceAll("\u001B\\[[0-9;]*m", "").strip();
                    if (l.startsWith("[ERROR]") && l.length() > 8 && !l.contains("-e switch")
                            && !l.contains("-X switch") && !l.startsWith("[ERROR] [Help") && !l.contains("read the following")) {
                        reasons.add(l.substring(7).replaceAll(" -> \\[Help \\d+]$", "").strip());
                    }
                }
                String tail = String.join("\n", reasons.subList(0, Math.min(3, reasons.size())));
                throw MagicError.of("maven", "could not resolve " + coordinates
                        + " (check the coordinates and the network or ~/.m2):\n" + tail);
            }
            List<Path> jars = new ArrayList<>();
            for (String entry : Files.readString(cp).strip().split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    jars.add(Path.of(entry));
                }
            }
            return jars;
        } catch (IOException e) {
            throw MagicError.of("maven", "resolution failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MagicError.of("maven", "interrupted");
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * A fresh owner-only folder under {@link #base} with an empty {@code .mvn} of its own: Maven's upward
     * search for {@code .mvn} ends in it, whatever lies above.
     */
    private Path privateFolder() throws IOException {
        if (!Files.isDirectory(base)) {
            Files.createDirectories(base);
            if (Files.getFileStore(base).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(base, OWNER_ONLY);
            }
        }
        Path dir = Files.createTempDirectory(base, "magic-");   // 0700 on POSIX file systems
        Files.createDirectory(dir.resolve(".mvn"));
        return dir;
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
