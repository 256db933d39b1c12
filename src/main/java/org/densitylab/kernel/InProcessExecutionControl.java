package org.densitylab.kernel;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell execution in the kernel's own JVM, so that cell values are real objects that can be rendered
 * (images, tables, charts), with the two fixes the kernel study proved necessary.
 *
 * <ul>
 *   <li>Each snippet runs on a worker thread whose context class loader is the snippet's loader, so
 *       libraries that look up services through it (ND4J's backend) find jars added by {@code %jars}.
 *       {@link #stop()} interrupts it; the cell then fails with an {@code InterruptedException}
 *       error. A busy loop that ignores interrupts keeps its thread, as in every in-process kernel.</li>
 *   <li>The value of a snippet is parked in a side table under a random key, which JShell reports as the
 *       value string; {@link #take(String)} trades it back for the object.</li>
 *   <li>{@link #redefine} replaces a wrapper class in place through {@link java.lang.instrument}
 *       (see {@link Agent}). Without it JShell installs a fresh class without running its initializer
 *       and earlier variables silently read {@code null} after, for example, a new wildcard import.</li>
 * </ul>
 */
public final class InProcessExecutionControl extends DirectExecutionControl {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "densitylab-cell-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final long timeoutMillis;
    private volatile Future<Object> running;
    private volatile boolean stopped;
    private volatile ClassLoader snippetLoader;
    private volatile java.util.function.Consumer<ClassLoader> firstLoaderHook = l -> { };

    /**
     * @param timeoutMillis the longest a single top-level snippet may run, or a value &le; 0 for no limit
     */
    public InProcessExecutionControl(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * A provider for {@code JShell.builder().executionEngine(provider, null)}.
     *
     * @param control the control to hand out (one JShell instance uses exactly one)
     * @return the provider
     */
    public static ExecutionControlProvider provider(InProcessExecutionControl control) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "densitylab-in-process";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
    }

    /** @return true when {@link #redefine} can work, that is when the {@link Agent} is loaded */
    public static boolean canRedefine() {
        Instrumentation inst = Agent.instrumentation();
        return inst != null && inst.isRedefineClassesSupported();
    }

    /**
     * Takes the object a snippet produced.
     *
     * @param key the value string JShell reported for the snippet
     * @return the object (possibly null), or {@code key} itself if it is not a key of this control
     */
    public Object take(String key) {
        if (key != null && results.containsKey(key)) {
            Object value = results.remove(key);
            return value == NullValue.INSTANCE ? null : value;
        }
        return key;
    }

    /** Forgets every parked value that was not taken. */
    public void clearResults() {
        results.clear();
    }

    /**
     * Sets what to do with the snippet class loader when the first snippet runs (the evaluator points
     * ND4J's class loading at it).
     *
     * @param hook called once, on the thread that evaluates
     */
    public void onFirstSnippetLoader(java.util.function.Consumer<ClassLoader> hook) {
        firstLoaderHook = java.util.Objects.requireNonNull(hook);
    }

    /** @return the class loader of the last snippet run, or null before the first one */
    public ClassLoader snippetLoader() {
        return snippetLoader;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        stopped = false;
        ClassLoader loader = doitMethod.getDeclaringClass().getClassLoader();
        if (snippetLoader == null) {
            snippetLoader = loader;
            Thread.currentThread().setContextClassLoader(loader);
            firstLoaderHook.accept(loader);
        }
        snippetLoader = loader;
        Future<Object> future = pool.submit(() -> {
            Thread.currentThread().setContextClassLoader(loader);
            return doitMethod.invoke(null);
        });
        running = future;
        Object value;
        try {
            value = timeoutMillis > 0 ? future.get(timeoutMillis, TimeUnit.MILLISECONDS) : future.get();
        } catch (CancellationException | InterruptedException e) {
            future.cancel(true);
            throw interrupted("Cell interrupted");
        } catch (TimeoutException e) {
            future.cancel(true);
            throw interrupted("Cell stopped after the time limit of " + timeoutMillis
                    + " ms (IJAVA_TIMEOUT)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvocationTargetException ite) {
                if (stopped && ite.getCause() instanceof InterruptedException) {
                    throw interrupted("Cell interrupted");
                }
                throw ite;
            }
            throw cause instanceof Exception ex ? ex : new InvocationTargetException(cause);
        } finally {
            running = null;
        }
        String key = UUID.randomUUID().toString();
        results.put(key, value == null ? NullValue.INSTANCE : value);
        return key;
    }

    private static UserException interrupted(String message) {
        return new UserException(message, "java.lang.InterruptedException", new StackTraceElement[0]);
    }

    /** Interrupts the snippet that is running, if any. */
    @Override
    public void stop() {
        stopped = true;
        Future<Object> f = running;
        if (f != null) {
            f.cancel(true);
        }
    }

    @Override
    public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException,
            EngineTerminationException {
        Instrumentation inst = Agent.instrumentation();
        if (inst == null || !inst.isRedefineClassesSupported()) {
            throw new NotImplementedException("redefine: start the JVM with -javaagent:<kernel jar>");
        }
        ClassDefinition[] defs = new ClassDefinition[cbcs.length];
        boolean[] installed = new boolean[cbcs.length];
        try {
            for (int i = 0; i < cbcs.length; i++) {
                defs[i] = new ClassDefinition(findClass(cbcs[i].name()), cbcs[i].bytecodes());
            }
            inst.redefineClasses(defs);
            java.util.Arrays.fill(installed, true);
            classesRedefined(cbcs);
        } catch (ClassNotFoundException | java.lang.instrument.UnmodifiableClassException
                 | UnsupportedOperationException | LinkageError e) {
            throw new ClassInstallException("redefine: " + e, installed);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        results.clear();
        super.close();
    }

    /** Stands for a snippet whose value is {@code null} in the side table. */
    enum NullValue {
        INSTANCE
    }
}
