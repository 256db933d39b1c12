package org.densitylab.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.reply.HistoryReply;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;
import java.util.List;
import org.densitylab.progress.Progress;

/**
 * The Jupyter kernel: basekernel's protocol handling (relocated in the {@code -kernel} jar) around a
 * {@link CellExecutor}. On top of basekernel it answers {@code kernel_info} with {@code status: ok} and
 * {@code history_request} with an empty history (basekernel 2.3.0 sends no status and no history reply),
 * renders values with {@link NotebookRenderer}, and installs the notebook progress bar.
 */
public final class DensityKernel extends BaseKernel {
    /** The kernel's version, shown in {@code kernel_info}. */
    public static final String VERSION = versionOf();

    private final CellExecutor executor;
    private final LanguageInfo languageInfo;

    /**
     * @param executor runs the cells
     */
    public DensityKernel(CellExecutor executor) {
        this.executor = executor;
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
        executor.close();
    }

    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
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

    /** Sends display output of the running cell over the connection. */
    private final class KernelSink implements OutputSink {
        @Override
        public synchronized void display(MimeBundle bundle, String displayId) {
            if (!getIO().display.isAttached()) {
                return;
            }
            DisplayData d = toDisplayData(bundle);
            d.setDisplayId(displayId);
            getIO().display.display(d);
        }

        @Override
        public synchronized void updateDisplay(String displayId, MimeBundle bundle) {
            if (!getIO().display.isAttached()) {
                return;
            }
            getIO().display.updateDisplay(displayId, toDisplayData(bundle));
        }
    }
}
