package org.densitylab.marginals;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A training checkpoint of the CDAE: a zip file with {@code meta.json} (format, N, S, loss, epoch, optimiser step,
 * scheduler, best validation fidelity, history) and float32 arrays {@code param/NAME}, {@code adam.m/NAME},
 * {@code adam.v/NAME} (big-endian, shapes in the metadata). Written to a temporary file in the same directory and
 * renamed over the old one, so an interruption never leaves a half-written checkpoint.
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
     * Writes atomically (temporary file + rename).
     *
     * @param file the checkpoint file
     * @throws IOException if writing fails
     */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(os)) {
                zip.setLevel(1);
                zip.putNextEntry(new ZipEntry("meta.json"));
                zip.write(GSON.toJson(meta).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                writeArrays(zip, "param/", params);
                writeArrays(zip, "adam.m/", adamM);
                writeArrays(zip, "adam.v/", adamV);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a checkpoint.
     *
     * @param file the checkpoint file
     * @return the checkpoint
     * @throws IOException              if reading fails
     * @throws IllegalArgumentException if the file is not a CDAE checkpoint
     */
    public static Checkpoint read(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream is = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(is)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (java.util.zip.ZipException e) {
            throw new IllegalArgumentException(file + " is not a CDAE checkpoint (not a zip file: " + e.getMessage() + ")", e);
        }
        byte[] metaBytes = entries.get("meta.json");
        Meta meta = metaBytes == null ? null : GSON.fromJson(new String(metaBytes, StandardCharsets.UTF_8), Meta.class);
        if (meta == null || !FORMAT.equals(meta.format())) {
            throw new IllegalArgumentException(file + " is not a CDAE checkpoint (format " + (meta == null ? "missing" : meta.format())
                    + ", expected " + FORMAT + ")");
        }
        return new Checkpoint(meta, readArrays(entries, "param/", meta), readArrays(entries, "adam.m/", meta),
                readArrays(entries, "adam.v/", meta));
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

    /**
     * Checks that this checkpoint continues the given training.
     *
     * @param file      where it was read from (for the message)
     * @param numQubits N of the trainer
     * @param scale     S of the trainer
     * @param k         k of the trainer's loss
     * @param loss      loss label of the trainer
     * @throws IllegalArgumentException naming both configurations if they differ
     */
    public void requireMatch(Path file, int numQubits, int scale, int k, String loss) {
        if (meta.numQubits() != numQubits || meta.scale() != scale || meta.k() != k || !meta.loss().equals(loss)) {
            throw new IllegalArgumentException("checkpoint " + file + " was written for N=" + meta.numQubits() + ", S="
                    + meta.scale() + ", k=" + meta.k() + ", " + meta.loss() + " but the trainer is configured for N=" + numQubits
                    + ", S=" + scale + ", k=" + k + ", " + loss + "; use another directory, or Checkpoint.read(file).network(N)"
                    + " to start a new training from its weights");
        }
    }

    static Map<String, long[]> shapes(Map<String, INDArray> params) {
        Map<String, long[]> s = new LinkedHashMap<>();
        params.forEach((k, v) -> s.put(k, v.shape()));
        return s;
    }

    private static void writeArrays(ZipOutputStream zip, String prefix, Map<String, INDArray> arrays) throws IOException {
        for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
            zip.putNextEntry(new ZipEntry(prefix + e.getKey()));
            float[] f = e.getValue().castTo(DataType.FLOAT).dup('c').data().asFloat();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(4 * f.length);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                for (float x : f) {
                    out.writeFloat(x);
                }
            }
            bytes.writeTo(zip);
            zip.closeEntry();
        }
    }

    private static Map<String, INDArray> readArrays(Map<String, byte[]> entries, String prefix, Meta meta) throws IOException {
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
                throw new IllegalArgumentException("checkpoint array " + prefix + s.getKey() + " has " + f.length
                        + " values but its shape " + java.util.Arrays.toString(s.getValue()) + " needs " + len);
            }
            out.put(s.getKey(), Nd4j.create(f, s.getValue(), 'c'));
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("checkpoint is missing arrays " + missing);
        }
        return out;
    }
}
