package org.densitylab.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.JupyterInputStream;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishDisplayData;
import io.github.spencerpark.jupyter.messages.publish.PublishError;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteInput;
import io.github.spencerpark.jupyter.messages.publish.PublishExecuteResult;
import io.github.spencerpark.jupyter.messages.publish.PublishStream;
import io.github.spencerpark.jupyter.messages.publish.PublishUpdateDisplayData;
import io.github.spencerpark.jupyter.messages.reply.ErrorReply;
import io.github.spencerpark.jupyter.messages.reply.ExecuteReply;
import io.github.spencerpark.jupyter.messages.reply.HistoryReply;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.densitylab.progress.Progress;

/**
 * The Jupyter kernel: basekernel's protocol handling (relocated in the {@code -kernel} jar) around a
 * {@link CellExecutor}. On top of basekernel it answers {@code kernel_info} with {@code status: ok} and
 * {@code history_request} with an empty history (basekernel 2.3.0 sends no status and no history reply),
 * renders values with {@link NotebookRenderer}, and installs the notebook progress bar.
 *
 * <p>It also handles {@code execute_request} itself, for three things basekernel does differently:
 * standard output and error go through one {@link CellOutput} installed as {@code System.out}/{@code err}
 * for the kernel's life (batched, never dropped, from any thread, to the running or else the last cell;
 * basekernel sends one message per line and drops output written between cells); the error's
 * {@code ename} is the exception's class, not the wrapper's; and errors name the cell {@code In [N]}.
 */
public final class DensityKernel extends BaseKernel {
    /** The kernel's version, shown in {@code kernel_info}. */
    public static final String VERSION = versionOf();

    private final CellExecutor executor;
    private final LanguageInfo languageInfo;
    private final PrintStream console;
    private final CellOutput output;
    /**
     * {@code System.in}: reads ask the front end for input when the request allows it, after the text
     * printed so far (the prompt) has been delivered.
     */
    private final JupyterInputStream input = new JupyterInputStream(java.nio.charset.StandardCharsets.UTF_8) {
        @Override
        public synchronized int read() {
            output.flush();
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            output.flush();
            return super.read(b, off, len);
        }
    };
    /** The cell output goes to: the running cell, or the last one; null before the first. */
    private volatile ShellReplyEnvironment cell;

    /**
     * @param executor runs the cells
     */
    public DensityKernel(CellExecutor executor) {
        this.executor = executor;
        this.console = System.err;
        this.output = new CellOutput(this::publishStream, CellOutput.INTERVAL_MILLIS, CellOutput.MAX_BYTES);
        System.setOut(output.stream("stdout"));
        System.setErr(output.stream("stderr"));
        System.setIn(input);
        setShouldReplaceStdStreams(false);
        this.languageInfo = new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
        Display.attach(new KernelSink());
        Progress.setRendererFactory(NotebookProgressRenderer::new);
    }

    private static String versionOf() {
        String v = DensityKernel.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return languageInfo;
    }

    @Override
    public String getBanner() {
        return "DensityLab Java kernel " + VERSION + " on Java " + Runtime.version()
                + (executor.evaluator().redefinesInPlace() ? "" : " (no agent: variables may be reset)");
    }

    @Override
    public List<LanguageInfo.Help> getHelpLinks() {
        return List.of(new LanguageInfo.Help("Java API",
                "https://docs.oracle.com/en/java/javase/17/docs/api/index.html"));
    }

    /** Sends a batch of text to the cell; before any cell, to the server's log rather than nowhere. */
    private void publishStream(String stream, String text) {
        ShellReplyEnvironment env = cell;
        if (env == null) {
            console.print(text);
            console.flush();
            return;
        }
        env.publish(new PublishStream(stream.equals("stderr") ? PublishStream.StreamType.ERR
                : PublishStream.StreamType.OUT, text));
    }

    /**
     * One cell: {@code execute_input}, the cell's output, its result or error, then the reply and idle
     * (deferred by basekernel until this returns). Output still pending is delivered before the result.
     */
    private synchronized void execute(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        int count = executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        env.publish(new PublishExecuteInput(request.getCode(), count));
        output.inOrder(() -> cell = env);
        input.setEnv(env);
        input.setEnabled(request.isStdinEnabled());
        env.defer(() -> input.retractEnv(env));
        CellException error = null;
        try {
            Object value = executor.execute(request.getCode(), "In [" + count + "]");
            DisplayData result = value == JShellEvaluator.NO_VALUE ? null
                    : toDisplayData(Display.renderer().render(value));
            output.flush();
            if (result != null) {
                env.publish(new PublishExecuteResult(count, result));
            }
        } catch (CellException e) {
            error = e;
        } catch (RuntimeException | LinkageError e) {
            // a renderer or the kernel itself failed: still an error of this cell, not a silent hang
            error = new CellException(e.getClass().getName(), String.valueOf(e.getMessage()),
                    List.of(e.toString()));
        }
        if (error == null) {
            env.defer().reply(new ExecuteReply(count, Map.of()));
            return;
        }
        output.flush();
        env.publish(new PublishError(error.ename(), error.evalue(), error.traceback()));
        ErrorReply reply = new ErrorReply(error.ename(), error.evalue(), error.traceback());
        reply.setExecutionCount(count);
        env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        Object value = executor.execute(code);
        if (value == JShellEvaluator.NO_VALUE) {
            return null;
        }
        return toDisplayData(Display.renderer().render(value));
    }

    static DisplayData toDisplayData(MimeBundle bundle) {
        DisplayData d = new DisplayData();
        bundle.data().forEach(d::putData);
        return d;
    }

    @Override
    public List<String> formatError(Exception e) {
        if (e instanceof CellException ce) {
            return ce.traceback();
        }
        return super.formatError(e);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String doc = executor.evaluator().inspect(code, at);
        return doc.isEmpty() ? null : new DisplayData(doc);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        JShellEvaluator.Completions c = executor.evaluator().complete(code, at);
        return c.matches().isEmpty() ? null : new ReplacementOptions(c.matches(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        if (code.stripLeading().startsWith("%")) {
            return IS_COMPLETE_YES;
        }
        String r = executor.evaluator().isComplete(code);
        return switch (r) {
            case "incomplete" -> "";
            case "invalid" -> IS_COMPLETE_BAD;
            default -> IS_COMPLETE_YES;
        };
    }

    @Override
    public void interrupt() {
        executor.evaluator().control().stop();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        output.close();
        executor.close();
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        connection.setHandler(MessageType.EXECUTE_REQUEST, this::execute);
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, (env, msg) -> {
            env.setBusyDeferIdle();
            env.reply(new KernelInfoWithStatus("5.3", "densitylab", VERSION, getLanguageInfo(), getBanner(),
                    getHelpLinks()));
        });
        connection.setHandler(MessageType.HISTORY_REQUEST, (env, msg) -> env.reply(new HistoryReply(List.of())));
    }

    /** basekernel's reply plus the {@code status} field that the protocol requires. */
    static final class KernelInfoWithStatus extends KernelInfoReply {
        @SuppressWarnings("unused") // serialized by gson
        private final String status = "ok";

        KernelInfoWithStatus(String protocol, String name, String version, LanguageInfo info, String banner,
                             List<LanguageInfo.Help> help) {
            super(protocol, name, version, info, banner, help);
        }
    }

    /** Sends rich output to the running (or last) cell, after the text printed before it. */
    private final class KernelSink implements OutputSink {
        @Override
        public void display(MimeBundle bundle, String displayId) {
            DisplayData d = toDisplayData(bundle);
            d.setDisplayId(displayId);
            send(env -> env.publish(new PublishDisplayData(d)), bundle.toString());
        }

        @Override
        public void updateDisplay(String displayId, MimeBundle bundle) {
            DisplayData d = toDisplayData(bundle);
            d.setDisplayId(displayId);
            send(env -> env.publish(new PublishUpdateDisplayData(d)), null);
        }

        /** Before the first cell there is nowhere to show it: a new display's text goes to the log. */
        private void send(java.util.function.Consumer<ShellReplyEnvironment> publish, String text) {
            output.inOrder(() -> {
                ShellReplyEnvironment env = cell;
                if (env != null) {
                    publish.accept(env);
                } else if (text != null) {
                    console.println(text);
                }
            });
        }
    }
}
