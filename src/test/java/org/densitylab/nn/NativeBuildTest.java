package org.densitylab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.densitylab.QuietTest;
import org.densitylab.bench.Bench;
import org.densitylab.nn.NativeBuild.Build;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NativeBuildTest extends QuietTest {
    private static final Set<String> SKYLAKE = Set.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw",
            "avx512dq", "avx512vl");
    private static final Set<String> HASWELL = Set.of("sse4_2", "avx", "avx2", "fma");
    private static final List<Build> ALL = List.of(Build.ONEDNN_AVX512, Build.ONEDNN_AVX2, Build.GENERIC);
    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty(NativeBuild.EXTENSION);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(NativeBuild.EXTENSION);
        } else {
            System.setProperty(NativeBuild.EXTENSION, saved);
        }
    }

    private String extensionFor(String request, Set<String> flags, List<Build> available) {
        System.clearProperty(NativeBuild.EXTENSION);
        NativeBuild.choose(request, flags, available, null);
        return System.getProperty(NativeBuild.EXTENSION);
    }

    @Test
    void picksTheFastestBuildTheCpuRuns() {
        assertEquals("-onednn-avx512", extensionFor(null, SKYLAKE, ALL));
        assertEquals("-onednn-avx2", extensionFor("auto", HASWELL, ALL));
        assertEquals("", extensionFor("", Set.of("sse4_2", "avx"), ALL));
        // avx512f alone (Xeon Phi) is not the AVX-512 the oneDNN build was compiled for
        assertEquals("-onednn-avx2", extensionFor(null, Set.of("avx2", "fma", "avx512f"), ALL));
        assertEquals("", extensionFor("generic", SKYLAKE, ALL));
        assertEquals("-onednn-avx2", extensionFor("onednn-avx2", SKYLAKE, ALL));
    }

    @Test
    void aSingleBuildOrAUserSettingIsLeftAlone() {
        System.clearProperty(NativeBuild.EXTENSION);
        String line = NativeBuild.choose(null, SKYLAKE, List.of(Build.ONEDNN_AVX2), null);
        assertTrue(line.contains("linux-x86_64-onednn-avx2 (the only one"), line);
        assertEquals(null, System.getProperty(NativeBuild.EXTENSION));
        assertTrue(NativeBuild.choose(null, SKYLAKE, ALL, "-avx2").contains("linux-x86_64-avx2 (set by -D"));
    }

    @Test
    void badRequestsAreNamed() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> NativeBuild.choose("fast", SKYLAKE, ALL, null));
        assertTrue(unknown.getMessage().contains("DENSITYLAB_ND4J=fast"), unknown.getMessage());
        var cpu = assertThrows(IllegalArgumentException.class, () -> NativeBuild.choose("onednn-avx512", HASWELL, ALL, null));
        assertTrue(cpu.getMessage().contains("AVX-512") && cpu.getMessage().contains("use onednn-avx2"), cpu.getMessage());
        var absent = assertThrows(IllegalArgumentException.class,
                () -> NativeBuild.choose("onednn-avx512", SKYLAKE, List.of(Build.GENERIC), null));
        assertTrue(absent.getMessage().contains("not on the class path"), absent.getMessage());
    }

    @Test
    void theLoadedLibraryIsTheSelectedOne() {
        // the session listener selected before ND4J loaded; the library JavaCPP loaded must be that build
        String line = NativeBuild.select();
        String loaded = Bench.nativeBuild();
        assertTrue(line.contains(loaded.split(" ")[0] + " ("), line + " vs loaded " + loaded);
    }
}
