package org.densitylab.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Wall time of a SameDiff step by op type, as a listener on the graph: the time between an op's start and end
 * callbacks goes to its type ({@code conv2d_bp}, {@code matmul}, ...), the time of a parameter update to
 * "updater (Adam)", and the time between these callbacks to "SameDiff between ops" (scheduling, array allocation,
 * shape calculation). Single-threaded callers only (the bench's).
 */
final class OpTimer extends BaseListener {
    static final String BETWEEN = "SameDiff between ops";
    static final String UPDATER = "updater (Adam)";
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private long mark;
    private String current;

    @Override
    public boolean isActive(Operation operation) {
        return true;
    }

    private void switchTo(String next) {
        long now = System.nanoTime();
        if (mark != 0) {
            nanos.merge(current, now - mark, Long::sum);
        }
        mark = now;
        current = next;
    }

    /** Starts attributing time (call right before a step). */
    void start() {
        mark = System.nanoTime();
        current = BETWEEN;
    }

    /** Stops attributing time (call right after a step). */
    void stop() {
        switchTo(BETWEEN);
        mark = 0;
    }

    @Override
    public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext opContext) {
        switchTo(op.getOp().opName());
    }

    @Override
    public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext opContext, INDArray[] outputs) {
        switchTo(BETWEEN);
    }

    @Override
    public void preUpdate(SameDiff sd, At at, Variable v, INDArray update) {
        switchTo(UPDATER);
    }

    /** @return nanoseconds by op type since creation */
    Map<String, Long> nanos() {
        return nanos;
    }
}
