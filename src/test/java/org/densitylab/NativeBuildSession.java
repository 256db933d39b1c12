package org.densitylab;

import org.densitylab.nn.NativeBuild;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Picks the native ND4J build before any test runs, as the command line and the kernel do at start-up, so that the
 * tests run on the build users get (registered in META-INF/services; prints its one line once per test JVM).
 */
public final class NativeBuildSession implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NativeBuild.announce(System.err);
    }
}
