package org.densitylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 6: {@code %maven} must not pick up a {@code .mvn/jvm.config} that another user planted in
 * a folder above the one Maven runs in. The planted file asks the JVM to write a log file, so whether it
 * was applied shows on disk.
 */
class MavenResolverTest extends QuietTest {

    @Test
    void aJvmConfigPlantedAboveTheResolverFolderIsNotApplied(@TempDir Path shared) throws Exception {
        Assumptions.assumeTrue(onPath("mvn"), "needs Maven on the PATH");
        Path planted = shared.resolve("planted.log");
        Files.createDirectories(shared.resolve(".mvn"));
        Files.writeString(shared.resolve(".mvn/jvm.config"), "-Xlog:gc:file=" + planted + "\n");

        // control: a POM in a folder below the planted one, run as %maven used to run it, does apply it
        Path naive = Files.createDirectories(shared.resolve("densitylab-maven123"));
        Files.writeString(naive.resolve("pom.xml"), "<project><modelVersion>4.0.0</modelVersion><groupId>a</groupId>"
                + "<artifactId>b</artifactId><version>1</version></project>");
        Process p = new ProcessBuilder("mvn", "-B", "-q", "-f", naive.resolve("pom.xml").toString(), "-v")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertTrue(Files.exists(planted), "the planted jvm.config is applied to a naive run: the threat is real");
        Files.delete(planted);

        // the resolver, even with its folders made inside the planted one, resolves without applying it
        Path base = shared.resolve("cache");
        List<java.nio.file.Path> jars = new MavenResolver(base).resolve(List.of("com.google.code.gson:gson:2.10.1"));
        assertTrue(jars.stream().anyMatch(j -> j.getFileName().toString().equals("gson-2.10.1.jar")), jars.toString());
        assertFalse(Files.exists(planted), "the planted jvm.config was applied to %maven");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(base)),
                "the resolver's folder is the user's own");
    }

    private static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }
}
