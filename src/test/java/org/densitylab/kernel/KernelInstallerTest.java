package org.densitylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.file.attribute.PosixFilePermissions;
import org.densitylab.QuietTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelInstallerTest extends QuietTest {

    @Test
    void writesAKernelspecThatStartsThisJdkWithAgentClassPathAndMemoryLimits(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("densitylab-9-kernel.jar"));
        Files.createDirectories(dir.resolve("lib"));
        Path spec = KernelInstaller.install(List.of("--prefix", dir.resolve("p").toString(), "--name", "dl",
                "--kernel-jar", jar.toString(), "--heap", "768m", "--offheap", "512m", "--fast-start",
                "--javacpp-cache", dir.resolve("cache").toString(), "--classpath", "/x/*.jar"));
        assertEquals(dir.resolve("p/share/jupyter/kernels/dl").toAbsolutePath(), spec);
        JsonObject k = JsonParser.parseString(Files.readString(spec.resolve("kernel.json"))).getAsJsonObject();
        List<String> argv = new ArrayList<>();
        k.getAsJsonArray("argv").forEach(e -> argv.add(e.getAsString()));
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), argv.get(0));
        assertTrue(argv.contains("-Xmx768m"));
        assertTrue(argv.contains("-Dorg.bytedeco.javacpp.maxbytes=512M"));
        assertTrue(argv.contains("-Dorg.bytedeco.javacpp.maxphysicalbytes=1792M"), argv.toString());
        assertTrue(argv.contains("-Dorg.bytedeco.javacpp.cachedir=" + dir.resolve("cache").toAbsolutePath()));
        assertTrue(argv.contains("-Djava.awt.headless=true"));
        assertTrue(argv.contains("-XX:TieredStopAtLevel=1"));
        assertTrue(argv.contains("-javaagent:" + jar.toAbsolutePath()));
        assertEquals(jar.toAbsolutePath() + ":" + dir.resolve("lib").toAbsolutePath() + "/*",
                argv.get(argv.indexOf("-cp") + 1));
        assertEquals("org.densitylab.kernel.KernelMain", argv.get(argv.size() - 2));
        assertEquals("{connection_file}", argv.get(argv.size() - 1));
        assertEquals("java", k.get("language").getAsString());
        assertEquals("message", k.get("interrupt_mode").getAsString());
        assertEquals("1", k.getAsJsonObject("env").get("OMP_NUM_THREADS").getAsString());
        assertEquals("/x/*.jar", k.getAsJsonObject("env").get("IJAVA_CLASSPATH").getAsString());
    }

    @Test
    void aPrefixInstallIsReadableByAllAndLeavesTheCacheToTheUserRunningTheKernel(@TempDir Path dir) throws Exception {
        // issue 14 item 7: kernel.json was 0600 and pointed every user at the installer's (root's) cache
        Path jar = Files.createFile(dir.resolve("densitylab-9-kernel.jar"));
        Files.createDirectories(dir.resolve("lib"));
        Path spec = KernelInstaller.install(List.of("--prefix", dir.resolve("p").toString(), "--kernel-jar",
                jar.toString()));
        Path json = spec.resolve("kernel.json");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(json)));
        String text = Files.readString(json);
        assertFalse(text.contains("javacpp.cachedir"), text);
        assertFalse(text.contains(System.getProperty("user.home") + "/"), "no installer's home in " + text);
        // ... which the kernel decides at start, for the user running it
        assertEquals("/home/ann/.cache/densitylab/javacpp", KernelConfig.javacppCache(Map.of(), "/home/ann"));
        assertEquals("/xdg/densitylab/javacpp", KernelConfig.javacppCache(Map.of("XDG_CACHE_HOME", "/xdg"), "/home/ann"));
        assertEquals("/big/jcpp", KernelConfig.javacppCache(Map.of("JAVACPP_CACHE", "/big/jcpp"), "/home/ann"));
    }

    @Test
    void badOptionsAndMissingJarsAreExplained(@TempDir Path dir) {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> KernelInstaller.install(List.of("--bogus")));
        assertTrue(unknown.getMessage().contains("unknown option '--bogus'"));
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> KernelInstaller.install(List.of("--user", "--prefix", "x")));
        assertTrue(both.getMessage().contains("either --user or --prefix"));
        IllegalArgumentException noJar = assertThrows(IllegalArgumentException.class,
                () -> KernelInstaller.install(List.of("--prefix", dir.toString(), "--kernel-jar",
                        dir.resolve("none.jar").toString())));
        assertTrue(noJar.getMessage().contains("mvn package"), noJar.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KernelInstaller.bytes("lots"));
    }

    @Test
    void timeoutsReadLikeIJava() {
        assertEquals(-1, KernelConfig.timeout(null));
        assertEquals(1500, KernelConfig.timeout("1500"));
        assertEquals(30_000, KernelConfig.timeout("30 SECONDS"));
        assertThrows(IllegalArgumentException.class, () -> KernelConfig.timeout("soon"));
    }
}
