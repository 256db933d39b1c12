package org.densitylab.marginals;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.densitylab.run.Checkpoints;
import org.densitylab.run.Values;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A training checkpoint of the CDAE: a zip file with {@code meta.json} (format, N, S, loss, epoch, optimiser step,
 * scheduler, best validation fidelity, history) and float32 arrays {@code param/NAME}, {@code adam.m/NAME},
 * {@code adam.v/NAME} (big-endian, shapes in the metadata), as entries of one checkpoint file written atomically by
 * {@link Checkpoints}, so an interruption never leaves a half-written checkpoint.
 *
 * @param meta   the metadata
 * @param params network parameters by name
 * @param adamM  Adam first moments by name
 * @param adamV  Adam second moments by name
 */
public record Checkpoint(Meta meta, Map<String, INDArray> params, Map<String, INDArray> adamM, Map<String, INDArray> adamV) {
    /** Format tag written into every checkpoint. */
    public static final String FORMAT = "densitylab-cdae-checkpoint/1";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    /**
     * Metadata of a checkpoint.
     *
     * @param format       {@link #FORMAT}
     * @param numQubits    N of the model trained
     * @param scale        S
     * @param k            marginal size of the loss
     * @param loss         loss label ({@code CdaeLoss.Spec#label})
     * @param epoch        completed epochs
     * @param step         Adam updates done
     * @param scheduler    the learning-rate scheduler after the last epoch
     * @param bestFidelity best validation fidelity with success > 0.9 so far (NaN if none)
     * @param seed         the training seed
     * @param history      one record per completed epoch
     * @param shapes       array shapes by parameter name
     */
    public record Meta(String format, int numQubits, int scale, int k, String loss, int epoch, long step,
            PlateauScheduler scheduler, double bestFidelity, long seed, List<Epoch> history, Map<String, long[]> shapes) {
    }

    /**
     * One epoch of training.
     *
     * @param epoch       1-based epoch number
     * @param loss        mean batch loss (Eq. 6; the reference reports 100 × this)
     * @param polar       mean polar term
     * @param marginal    mean marginal term
     * @param trace       mean trace term
     * @param lr          learning rate used
     * @param valFidelity validation mean marginal fidelity (NaN if no validation)
     * @param valSuccess  validation success rate
     * @param seconds     wall time of the epoch
     */
    public record Epoch(int epoch, double loss, double polar, double marginal, double trace, double lr, double valFidelity,
            double valSuccess, double seconds) {
    }

    /**
     * Writes atomically as one file ({@link Checkpoints#write}).
     *
     * @param file the checkpoint file
     * @throws IOException naming the file if writing fails
     */
    public void write(Path file) throws IOException {
        Checkpoints.write(file, entries());
    }

    /** @return the checkpoint as named entries: {@code meta.json} and the arrays */
    Map<String, byte[]> entries() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("meta.json", GSON.toJson(meta).getBytes(StandardCharsets.UTF_8));
        putArrays(m, "param/", params);
        putArrays(m, "adam.m/", adamM);
        putArrays(m, "adam.v/", adamV);
        return m;
    }

    /**
     * Reads a checkpoint ({@code last.ckpt}, {@code best.ckpt} or a copy), checking that its weights are finite.
     *
     * @param file the checkpoint file
     * @return the checkpoint
     * @throws IOException              naming the file and what to do if it is missing, truncated or not a CDAE checkpoint
     * @throws IllegalArgumentException naming the file if its weights are not finite
     */
    public static Checkpoint read(Path file) throws IOException {
        return of(Checkpoints.read(file), file);
    }

    /**
     * A checkpoint from its entries.
     *
     * @param entries the entries ({@link #entries})
     * @param file    where they were read from, for messages
     * @return the checkpoint
     * @throws IOException naming the file if it is not a CDAE checkpoint
     */
    static Checkpoint of(Map<String, byte[]> entries, Path file) throws IOException {
        byte[] metaBytes = entries.get("meta.json");
        Meta meta;
        try {
            meta = metaBytes == null ? null : GSON.fromJson(new String(metaBytes, StandardCharsets.UTF_8), Meta.class);
        } catch (com.google.gson.JsonParseException e) {
            meta = null;
        }
        if (meta == null || !FORMAT.equals(meta.format())) {
            throw new IOException(file + " is not a CDAE checkpoint (format " + (meta == null ? "missing" : meta.format())
                    + ", expected " + FORMAT + "); give the checkpoint of a marginals-train run");
        }
        Checkpoint c = new Checkpoint(meta, readArrays(entries, "param/", meta, file), readArrays(entries, "adam.m/", meta, file),
                readArrays(entries, "adam.v/", meta, file));
        Values.requireFinite(c.params(), file);
        return c;
    }

    /**
     * The checkpoint's weights as a network for any register size (transfer learning,
     * docs/papers.md#transfer-learning).
     *
     * @param numQubits N of the network to build
     * @return the network
     */
    public Cdae network(int numQubits) {
        return Cdae.of(numQubits, meta.scale(), params);
    }

    static Map<String, long[]> shapes(Map<String, INDArray> params) {
        Map<String, long[]> s = new LinkedHashMap<>();
        params.forEach((k, v) -> s.put(k, v.shape()));
        return s;
    }

    private static void putArrays(Map<String, byte[]> entries, String prefix, Map<String, INDArray> arrays) throws IOException {
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            float[] f = e.getValue().castTo(DataType.FLOAT).dup('c').data().asFloat();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(4 * f.length);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                for (float x : f) {
                    out.writeFloat(x);
                }
            }
            entries.put(prefix + e.getKey(), bytes.toByteArray());
        }
    }

    private static Map<String, INDArray> readArrays(Map<String, byte[]> entries, String prefix, Meta meta, Path file) throws IOException {
        Map<String, INDArray> out = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, long[]> s : meta.shapes().entrySet()) {
            byte[] b = entries.get(prefix + s.getKey());
            if (b == null) {
                missing.add(prefix + s.getKey());
                continue;
            }
            float[] f = new float[b.length / 4];
            try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(b))) {
                for (int i = 0; i < f.length; i++) {
                    f[i] = in.readFloat();
                }
            }
            long len = 1;
            for (long d : s.getValue()) {
                len *= d;
            }
            if (len != f.length) {
                throw new IOException("checkpoint " + file + ": array " + prefix + s.getKey() + " has " + f.length
                        + " values but its shape " + java.util.Arrays.toString(s.getValue()) + " needs " + len);
            }
            out.put(s.getKey(), Nd4j.create(f, s.getValue(), 'c'));
        }
        if (!missing.isEmpty()) {
            throw new IOException("checkpoint " + file + " is missing arrays " + missing + "; delete it and rerun the training");
        }
        return out;
    }
}
