package org.densitylab.kernel;

import java.lang.instrument.Instrumentation;

/**
 * Java agent of the kernel jar: it only keeps the {@link Instrumentation} so that
 * {@link InProcessExecutionControl#redefine} can redefine JShell's wrapper classes in place.
 *
 * <p>It is declared in the {@code -kernel} jar's manifest as {@code Premain-Class} (for
 * {@code -javaagent:densitylab-VERSION-kernel.jar}, which the kernelspec passes), {@code Agent-Class} and
 * {@code Launcher-Agent-Class} (for {@code java -jar}).
 */
public final class Agent {
    private static volatile Instrumentation instrumentation;

    private Agent() {
    }

    /**
     * Entry point for {@code -javaagent}.
     *
     * @param args ignored
     * @param inst the instrumentation of this JVM
     */
    public static void premain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    /**
     * Entry point for {@code Launcher-Agent-Class} and dynamic attach.
     *
     * @param args ignored
     * @param inst the instrumentation of this JVM
     */
    public static void agentmain(String args, Instrumentation inst) {
        instrumentation = inst;
    }

    /** @return the instrumentation, or null when the JVM was started without the agent */
    public static Instrumentation instrumentation() {
        return instrumentation;
    }
}
