package org.densitylab.kernel;

import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Java code evaluation shared by the kernel and the headless notebook runner: a {@link JShell} with
 * {@link InProcessExecutionControl}, cell splitting with {@code analyzeCompletion}, the value of the
 * last expression as a real object, Jupyter-shaped errors, completion, inspection and
 * {@code is_complete}.
 */
public final class JShellEvaluator implements AutoCloseable {
    /** Returned by {@link #eval} when the cell has no value to show. */
    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "<no value>";
        }
    };

    /** Imports every cell sees, a superset of IJava's, plus the display API. */
    public static final List<String> DEFAULT_IMPORTS = List.of(
            "import java.util.*;", "import java.util.function.*;", "import java.util.stream.*;",
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.concurrent.*;", "import java.util.regex.*;",
            "import static org.densitylab.kernel.Display.*;");

    private static final Pattern DISPLAY_CALL = Pattern.compile("^\\s*display\\s*\\(.*\\)\\s*;?\\s*$",
            Pattern.DOTALL);

    private final JShell shell;
    private final InProcessExecutionControl control;
    private final Set<String> classPath = new LinkedHashSet<>();
    private final Map<String, Origin> origins = new java.util.concurrent.ConcurrentHashMap<>();
    private final boolean redefine;

    /**
     * Builds the shell; nothing is evaluated yet.
     *
     * @param compilerOptions javac options, for example {@code -parameters}
     * @param timeoutMillis   limit per top-level snippet, &le; 0 for none
     * @param out             where JShell itself reports (snippet output goes to {@code System.out})
     */
    public JShellEvaluator(List<String> compilerOptions, long timeoutMillis, PrintStream out) {
        control = new InProcessExecutionControl(timeoutMillis);
        control.onFirstSnippetLoader(JShellEvaluator::useForNd4j);
        redefine = InProcessExecutionControl.canRedefine();
        shell = JShell.builder()
                .executionEngine(InProcessExecutionControl.provider(control), null)
                .compilerOptions(compilerOptions.toArray(new String[0]))
                .in(InputStream.nullInputStream())
                .out(out).err(out)
                .build();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                classPath.add(canonical(entry));
            }
        }
    }

    /**
     * ND4J finds its backend through its own class-loader setting; point it at the snippet loader, which
     * sees the kernel class path and every jar added later.
     */
    private static void useForNd4j(ClassLoader loader) {
        try {
            Class<?> c = Class.forName("org.nd4j.common.config.ND4JClassLoading", true, loader);
            c.getMethod("setNd4jClassloader", ClassLoader.class).invoke(null, loader);
        } catch (ReflectiveOperationException | LinkageError absent) {
            // ND4J is not on the class path: nothing to set.
        }
    }

    /** @return true when wrapper classes are redefined in place (the agent is loaded) */
    public boolean redefinesInPlace() {
        return redefine;
    }

    /** @return the underlying control (for interrupt) */
    public InProcessExecutionControl control() {
        return control;
    }

    /**
     * Adds a jar or a class directory for later cells, unless it is on the JVM class path already.
     *
     * @param path the jar or directory
     * @return true if it was added now
     */
    public boolean addToClasspath(Path path) {
        String c = canonical(path.toString());
        if (!classPath.add(c)) {
            return false;
        }
        shell.addToClasspath(c);
        return true;
    }

    private static String canonical(String p) {
        try {
            return new File(p).getCanonicalPath();
        } catch (java.io.IOException e) {
            return new File(p).getAbsolutePath();
        }
    }

    /**
     * Evaluates Java source holding any number of snippets, stopping at the first failure.
     *
     * @param code Java statements, declarations and expressions
     * @return the value of the last snippet if it is an expression, else {@link #NO_VALUE}
     * @throws CellException if a snippet does not compile, throws, or the input ends inside a snippet
     */
    public Object eval(String code) throws CellException {
        return eval(code, "start-up", 1);
    }

    /**
     * Evaluates Java source holding any number of snippets, stopping at the first failure. Errors name
     * the place as the user sees it: {@code label} and the line, for example {@code In [7]:3}.
     *
     * @param code      Java statements, declarations and expressions
     * @param label     what the user calls this code: {@code In [7]}, a file name
     * @param firstLine the line of {@code code}'s first line within that cell or file (1-based)
     * @return the value of the last snippet if it is an expression, else {@link #NO_VALUE}
     * @throws CellException if a snippet does not compile, throws, or the input ends inside a snippet
     */
    public Object eval(String code, String label, int firstLine) throws CellException {
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        Object last = NO_VALUE;
        String remaining = code;
        try {
            while (!remaining.isBlank()) {
                int line = firstLine + newlines(code.substring(0, code.length() - remaining.length()));
                SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(remaining);
                Completeness c = info.completeness();
                if (c == Completeness.EMPTY) {
                    break;
                }
                if (c == Completeness.DEFINITELY_INCOMPLETE || c == Completeness.CONSIDERED_INCOMPLETE) {
                    String msg = "the code ends inside a statement";
                    throw new CellException("IncompleteInput", msg, List.of(
                            label + ":" + (line + newlines(leadingWhitespace(remaining))) + ": error: " + msg,
                            remaining.strip(), "Close the open bracket, string or comment, or add the missing ';'."));
                }
                String source = info.source() != null ? info.source() : remaining;
                remaining = info.remaining() == null ? "" : info.remaining();
                // JShell numbers a snippet's lines from its first token: drop what comes before it
                String stripped = redefine ? source.substring(leadingWhitespace(source).length())
                        : stripLeadingComments(source);
                line += newlines(source.substring(0, source.length() - stripped.length()));
                last = evalSnippet(stripped, new Origin(label, line));
            }
        } finally {
            control.clearResults();
        }
        return last;
    }

    private static String leadingWhitespace(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i);
    }

    private static int newlines(String s) {
        return (int) s.chars().filter(ch -> ch == '\n').count();
    }

    /**
     * Where a snippet came from, as the user sees it.
     *
     * @param label the cell ({@code In [7]}) or file
     * @param line  the line of the snippet's first token there
     */
    record Origin(String label, int line) {
        String at(int snippetLine) {
            return label + ":" + (line + Math.max(1, snippetLine) - 1);
        }
    }

    private Object evalSnippet(String source, Origin origin) throws CellException {
        List<SnippetEvent> events = shell.eval(source);
        Object value = NO_VALUE;
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue;
            }
            Snippet s = e.snippet();
            origins.put(s.id(), origin);
            if (e.exception() != null) {
                throw fromException(e.exception());
            }
            if (e.status() == Snippet.Status.REJECTED) {
                throw compileError(s, origin);
            }
            Snippet.SubKind kind = s.subKind();
            if (kind == Snippet.SubKind.VAR_VALUE_SUBKIND || kind == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                    || kind == Snippet.SubKind.OTHER_EXPRESSION_SUBKIND) {
                Object v = control.take(e.value());
                if (DISPLAY_CALL.matcher(source).matches() || v == System.out || v == System.err
                        || (v == null && kind == Snippet.SubKind.OTHER_EXPRESSION_SUBKIND)) {
                    // display(...) returns its id and printf(...) its stream, as in IJava; neither is a result.
                    value = NO_VALUE;
                } else {
                    value = v;
                }
            } else {
                value = NO_VALUE;
            }
        }
        return value;
    }

    /**
     * A compile error as javac prints it, once per diagnostic: {@code In [7]:2: error: MESSAGE}, the
     * line, a caret under the span, then the message's detail lines.
     */
    private CellException compileError(Snippet s, Origin origin) {
        List<String> lines = new ArrayList<>();
        String first = null;
        String src = s.source();
        for (Diag d : shell.diagnostics(s).toList()) {
            List<String> msg = new ArrayList<>(List.of(readable(d.getMessage(Locale.ROOT)).split("\n")));
            msg.removeIf(l -> l.strip().matches("location: class\\s*"));
            if (first == null) {
                first = msg.get(0);
            }
            long pos = d.getStartPosition();
            boolean located = pos >= 0 && pos <= src.length();
            String where = located ? origin.at(1 + newlines(src.substring(0, (int) pos))) : origin.at(1);
            lines.add(where + ": " + (d.isError() ? "error: " : "warning: ") + msg.get(0));
            if (located) {
                int lineStart = src.lastIndexOf('\n', (int) Math.max(0, pos - 1)) + 1;
                if (pos == 0) {
                    lineStart = 0;
                }
                int lineEnd = src.indexOf('\n', (int) pos);
                lineEnd = lineEnd < 0 ? src.length() : lineEnd;
                lines.add(src.substring(lineStart, lineEnd));
                long end = Math.min(Math.max(d.getEndPosition(), pos + 1), lineEnd);
                lines.add(" ".repeat((int) (pos - lineStart)) + "^".repeat((int) Math.max(1, end - pos)));
            }
            lines.addAll(msg.subList(1, msg.size()));
        }
        if (first == null) {
            first = "the snippet was rejected: " + src.strip();
            lines.add(origin.at(1) + ": error: " + first);
        }
        return new CellException("CompilationException", first, lines);
    }

    /** Matches JShell's wrapper names: {@code REPL.$JShell$40.o} is the user's {@code o}. */
    private static final Pattern WRAPPER = Pattern.compile("(?:REPL\\.)?\\$JShell\\$\\d+[A-Z]?[.$]");

    /**
     * @param text a message or class name from JShell
     * @return it with JShell's wrapper class names removed ({@code REPL.$JShell$40.o} becomes {@code o})
     */
    static String readable(String text) {
        return text == null ? null : WRAPPER.matcher(text).replaceAll("");
    }

    private CellException fromException(JShellException ex) {
        if (ex instanceof UnresolvedReferenceException ure) {
            Snippet s = ure.getSnippet();
            Origin o = origins.get(s.id());
            String msg = "'" + s.source().strip() + "'" + (o == null ? "" : " (" + o.at(1) + ")")
                    + " uses a name that is not defined yet; define it in a cell first";
            return new CellException("UnresolvedReferenceException", msg,
                    List.of("UnresolvedReferenceException: " + msg));
        }
        EvalException ee = (EvalException) ex;
        String name = readable(ee.getExceptionClassName());
        String msg = ee.getMessage() == null ? "" : readable(ee.getMessage());
        List<String> lines = new ArrayList<>();
        Throwable t = ee;
        String prefix = "";
        while (t != null) {
            String n = readable(t instanceof EvalException e2 ? e2.getExceptionClassName() : t.getClass().getName());
            lines.add(prefix + n + (t.getMessage() == null ? "" : ": " + readable(t.getMessage())));
            for (StackTraceElement el : t.getStackTrace()) {
                String cls = el.getClassName();
                if (cls.startsWith("jdk.internal.reflect") || cls.startsWith("java.lang.reflect")
                        || cls.startsWith(InProcessExecutionControl.class.getName())) {
                    break;
                }
                lines.add("\tat " + frame(el));
            }
            t = t.getCause();
            prefix = "Caused by: ";
        }
        return new CellException(name, msg, lines);
    }

    /**
     * A stack frame as Java prints it, with cell code placed where the user sees it:
     * {@code fib(In [7]:3)}, {@code Foo.bar(In [5]:2)}, or {@code cell(In [7]:1)} for top-level code.
     */
    private String frame(StackTraceElement el) {
        String file = el.getFileName();
        Origin o = file != null && file.startsWith("#") ? origins.get(file.substring(1)) : null;
        if (o == null && !el.getClassName().isEmpty() && !el.getClassName().startsWith("REPL.")) {
            return readable(el.toString());
        }
        String cls = readable(el.getClassName());
        String method = el.getMethodName().isEmpty() || el.getMethodName().startsWith("do_it$") ? "cell"
                : el.getMethodName();
        String where = o != null ? o.at(el.getLineNumber()) : "cell " + (file == null ? "?" : file);
        return (cls.isEmpty() ? "" : cls + ".") + method + "(" + where + ")";
    }

    /**
     * Removes comments and blank lines before the first token of a snippet: without in-place
     * redefinition they make JShell recompile earlier wrappers and null their variables.
     */
    static String stripLeadingComments(String s) {
        int i = 0;
        while (i < s.length()) {
            if (Character.isWhitespace(s.charAt(i))) {
                i++;
            } else if (s.startsWith("//", i)) {
                int nl = s.indexOf('\n', i);
                i = nl < 0 ? s.length() : nl + 1;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    break;
                }
                i = end + 2;
            } else {
                break;
            }
        }
        return s.substring(i);
    }

    /**
     * Jupyter's {@code is_complete}.
     *
     * @param code the text typed so far
     * @return {@code complete}, {@code incomplete} or {@code invalid}
     */
    public String isComplete(String code) {
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE:
                    return "incomplete";
                case UNKNOWN:
                    return "invalid";
                case EMPTY:
                    return "complete";
                default:
                    remaining = info.remaining() == null ? "" : info.remaining();
            }
        }
        return "complete";
    }

    /**
     * Completions at a cursor.
     *
     * @param code   the cell
     * @param cursor the cursor offset
     * @return the start of the replaced text and the candidates
     */
    public Completions complete(String code, int cursor) {
        int offset = snippetStart(code, cursor);
        String snippet = code.substring(offset);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions =
                shell.sourceCodeAnalysis().completionSuggestions(snippet, cursor - offset, anchor);
        Set<String> options = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion s : suggestions) {
            options.add(s.continuation());
        }
        return new Completions(offset + anchor[0], cursor, List.copyOf(options));
    }

    /**
     * Documentation of the name at a cursor ({@code Math.max} or {@code Math.max(}).
     *
     * @param code   the cell
     * @param cursor the cursor offset
     * @return signatures and Javadoc as text, empty if nothing is known
     */
    public String inspect(String code, int cursor) {
        int offset = snippetStart(code, cursor);
        int end = identifierEnd(code, cursor);
        String snippet = code.substring(offset, end);
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        List<SourceCodeAnalysis.Documentation> docs = sca.documentation(snippet, snippet.length(), true);
        if (docs.isEmpty()) {
            // JShell documents methods only at "name(": retry as if the parenthesis were typed.
            docs = sca.documentation(snippet + "(", snippet.length() + 1, true);
        }
        StringBuilder sb = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            sb.append(d.signature()).append('\n');
            if (d.javadoc() != null && !d.javadoc().isBlank()) {
                sb.append(d.javadoc().strip()).append("\n\n");
            }
        }
        return sb.toString().strip();
    }

    private static int identifierEnd(String code, int cursor) {
        int i = Math.min(cursor, code.length());
        while (i < code.length() && Character.isJavaIdentifierPart(code.charAt(i))) {
            i++;
        }
        return i;
    }

    private int snippetStart(String code, int cursor) {
        SourceCodeAnalysis sca = shell.sourceCodeAnalysis();
        int offset = 0;
        while (offset < cursor) {
            SourceCodeAnalysis.CompletionInfo info = sca.analyzeCompletion(code.substring(offset));
            if (info.completeness() == Completeness.DEFINITELY_INCOMPLETE
                    || info.completeness() == Completeness.CONSIDERED_INCOMPLETE
                    || info.completeness() == Completeness.EMPTY || info.remaining() == null) {
                break;
            }
            int next = code.length() - info.remaining().length();
            if (next >= cursor || next <= offset) {
                break;
            }
            offset = next;
        }
        return offset;
    }

    /**
     * Completion candidates.
     *
     * @param start   offset of the text they replace
     * @param end     end of the replaced text
     * @param matches the candidates
     */
    public record Completions(int start, int end, List<String> matches) {
    }

    @Override
    public void close() {
        shell.close();
        control.close();
    }
}
