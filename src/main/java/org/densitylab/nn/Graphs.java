package org.densitylab.nn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SameDiff graphs as bytes, to be stored as entries of a checkpoint ({@code org.densitylab.run.Checkpoints}).
 */
public final class Graphs {
    private Graphs() {
    }

    /**
     * A graph with its updater (optimiser) state, serialised.
     *
     * @param sd the graph
     * @return its bytes
     */
    public static byte[] toBytes(SameDiff sd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Quiet.call(() -> {
            sd.save(out, true);
            return null;
        });
        return out.toByteArray();
    }

    /**
     * A graph saved by {@link #toBytes}.
     *
     * @param bytes the bytes
     * @param file  the file they were read from, for messages
     * @return the graph, with its updater state
     * @throws IOException naming the file if the bytes are not a graph
     */
    public static SameDiff fromBytes(byte[] bytes, Object file) throws IOException {
        Quiet.init();
        try {
            return Quiet.call(() -> SameDiff.load(new ByteArrayInputStream(bytes), true));
        } catch (RuntimeException e) {
            throw new IOException("checkpoint " + file + " cannot be read (corrupt or not a DensityLab model): " + e.getMessage(), e);
        }
    }

    /**
     * @param sd a graph
     * @return its trainable parameters by name
     */
    public static Map<String, INDArray> parameters(SameDiff sd) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        for (var v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                m.put(v.name(), v.getArr());
            }
        }
        return m;
    }
}
