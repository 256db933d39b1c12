package org.densitylab.data.io;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The contents of a dataset's {@code manifest.json}: what the dataset is ({@link DatasetInfo}), how many
 * records it holds, which library wrote it and when, and for each column its file, type, shapes, byte
 * length and CRC32C. Immutable. The JSON schema is described in the package documentation.
 */
public final class Manifest {
    /** The value of the {@code format} field of a finished dataset's manifest. */
    public static final String FORMAT = "densitylab-dataset";
    /** The value of the {@code format} field of the checkpoint of an unfinished run. */
    static final String PROGRESS_FORMAT = "densitylab-dataset-progress";
    /** The format version this library writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final Pattern CRC = Pattern.compile("[0-9a-f]{8}");

    /**
     * One column as recorded in the manifest.
     */
    public static final class Column {
        private final ColumnSpec spec;
        private final long dataOffset;
        private final long bytes;
        private final long crc32c;

        Column(ColumnSpec spec, long dataOffset, long bytes, long crc32c) {
            this.spec = spec;
            this.dataOffset = dataOffset;
            this.bytes = bytes;
            this.crc32c = crc32c;
        }

        /** @return name, type and record shape */
        public ColumnSpec spec() {
            return spec;
        }

        /** @return where the data starts in the {@code .npy} file (the header length) */
        public long dataOffset() {
            return dataOffset;
        }

        /** @return the number of data bytes, after the header */
        public long bytes() {
            return bytes;
        }

        /** @return the CRC32C (Castagnoli) of the data bytes */
        public long crc32c() {
            return crc32c;
        }
    }

    private final String libraryVersion;
    private final Instant created;
    private final DatasetInfo info;
    private final long records;
    private final List<Column> columns;

    Manifest(String libraryVersion, Instant created, DatasetInfo info, long records, List<Column> columns) {
        this.libraryVersion = libraryVersion;
        this.created = created;
        this.info = info;
        this.records = records;
        this.columns = Collections.unmodifiableList(new ArrayList<>(columns));
    }

    /**
     * @return the version of this library, from the jar manifest's {@code Implementation-Version}, or
     *         {@code "dev"} when running from classes
     */
    public static String currentLibraryVersion() {
        String v = Manifest.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** @return the version of the library that wrote the dataset */
    public String libraryVersion() {
        return libraryVersion;
    }

    /** @return when the dataset was committed (or, for a checkpoint, last checkpointed), to the second */
    public Instant created() {
        return created;
    }

    /** @return name, recipe, seed, conventions and metadata */
    public DatasetInfo info() {
        return info;
    }

    /** @return the number of records */
    public long records() {
        return records;
    }

    /** @return the columns in file order, unmodifiable */
    public List<Column> columns() {
        return columns;
    }

    /** @return the column specs in order */
    List<ColumnSpec> specs() {
        List<ColumnSpec> specs = new ArrayList<>();
        columns.forEach(c -> specs.add(c.spec()));
        return specs;
    }

    /** Renders the manifest as pretty-printed JSON with the given {@code format} value. */
    String toJson(String format) {
        JsonObject o = new JsonObject();
        o.addProperty("format", format);
        o.addProperty("format_version", FORMAT_VERSION);
        o.addProperty("library_version", libraryVersion);
        o.addProperty("name", info.name());
        o.addProperty("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
        o.addProperty("records", records);
        o.addProperty("seed", info.seed());
        o.add("recipe", info.recipe());
        o.add("conventions", GSON.toJsonTree(info.conventions()));
        JsonArray cols = new JsonArray();
        for (Column c : columns) {
            JsonObject j = new JsonObject();
            ColumnSpec s = c.spec();
            j.addProperty("name", s.name());
            j.addProperty("file", s.fileName());
            j.addProperty("dtype", s.dtype().descr());
            j.add("record_shape", GSON.toJsonTree(s.recordShape()));
            j.add("shape", GSON.toJsonTree(s.shape(records)));
            j.addProperty("data_offset", c.dataOffset());
            j.addProperty("bytes", c.bytes());
            j.addProperty("crc32c", FileIo.hex(c.crc32c()));
            cols.add(j);
        }
        o.add("columns", cols);
        o.add("metadata", info.metadata());
        return GSON.toJson(o) + "\n";
    }

    /**
     * Reads and checks a manifest file.
     *
     * @param file the {@code manifest.json} of a dataset
     * @return the manifest
     * @throws DatasetFormatException if the file is missing, not JSON, of another format or a newer
     *                                version, or a field is missing or has an invalid value; the message
     *                                names the file and the field
     * @throws IOException            if it cannot be read
     */
    public static Manifest read(Path file) throws IOException {
        return read(file, "regenerate the dataset", FORMAT);
    }

    /**
     * Reads a manifest or checkpoint whose {@code format} is one of {@code formats}; {@code remedy} ends the
     * message of errors that mean the file is damaged.
     */
    static Manifest read(Path file, String remedy, String... formats) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DatasetFormatException(file + " is missing: the directory is not a DensityLab dataset, "
                    + "or it was not written completely; " + remedy, e);
        }
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(text);
            if (!e.isJsonObject()) {
                throw new DatasetFormatException(file + " is not a JSON object but " + abbreviate(text)
                        + "; " + remedy);
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new DatasetFormatException(file + " is not valid JSON (" + e.getMessage()
                    + "); it is corrupt: " + remedy, e);
        }
        return new Fields(file, remedy, o).manifest(formats);
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() <= 40 ? "'" + t + "'" : "'" + t.substring(0, 40) + "...'";
    }

    /** Typed access to the fields of a manifest, with errors naming the file and the field. */
    private static final class Fields {
        private final Path file;
        private final String remedy;
        private final JsonObject root;

        Fields(Path file, String remedy, JsonObject root) {
            this.file = file;
            this.remedy = remedy;
            this.root = root;
        }

        Manifest manifest(String... formats) throws DatasetFormatException {
            String format = string(root, "format");
            if (!Arrays.asList(formats).contains(format)) {
                throw error("field 'format' is '" + format + "', expected '" + formats[0]
                        + "': this is not a DensityLab dataset manifest");
            }
            long version = integer(root, "format_version");
            if (version != FORMAT_VERSION) {
                throw error("has format version " + version + " but this library (" + currentLibraryVersion()
                        + ") reads version " + FORMAT_VERSION
                        + (version > FORMAT_VERSION ? ": upgrade DensityLab" : ": " + remedy));
            }
            String library = string(root, "library_version");
            Instant created;
            try {
                created = Instant.parse(string(root, "created"));
            } catch (DateTimeParseException e) {
                throw error("field 'created' is not an ISO-8601 UTC time: " + root.get("created"));
            }
            long records = nonNegative(root, "records");
            JsonObject recipe = object(root, "recipe");
            Map<String, String> conventions = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> e : object(root, "conventions").entrySet()) {
                conventions.put(e.getKey(), string(object(root, "conventions"), e.getKey()));
            }
            JsonObject metadata = root.has("metadata") ? object(root, "metadata") : new JsonObject();
            DatasetInfo info = DatasetInfo.of(string(root, "name"), recipe, integer(root, "seed"))
                    .withConventions(conventions).withMetadata(metadata);
            List<Column> columns = new ArrayList<>();
            JsonElement cols = root.get("columns");
            if (cols == null || !cols.isJsonArray()) {
                throw error("field 'columns' is missing or not an array");
            }
            for (JsonElement c : cols.getAsJsonArray()) {
                if (!c.isJsonObject()) {
                    throw error("an entry of 'columns' is not an object: " + c);
                }
                columns.add(column(c.getAsJsonObject(), records));
            }
            return new Manifest(library, created, info, records, columns);
        }

        private Column column(JsonObject c, long records) throws DatasetFormatException {
            String name = string(c, "name");
            String where = "column '" + name + "'";
            DType dtype;
            try {
                dtype = DType.ofDescr(string(c, "dtype"));
            } catch (IllegalArgumentException e) {
                throw error(where + ": " + e.getMessage());
            }
            long[] recordShape = longs(c, "record_shape");
            int[] rs = new int[recordShape.length];
            for (int i = 0; i < rs.length; i++) {
                if (recordShape[i] < 0 || recordShape[i] > Integer.MAX_VALUE) {
                    throw error(where + ": invalid record_shape " + c.get("record_shape"));
                }
                rs[i] = (int) recordShape[i];
            }
            ColumnSpec spec;
            try {
                spec = ColumnSpec.of(name, dtype, rs);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
            if (!spec.fileName().equals(string(c, "file"))) {
                throw error(where + ": field 'file' is '" + string(c, "file") + "', expected '" + spec.fileName() + "'");
            }
            long[] shape = longs(c, "shape");
            if (!Arrays.equals(shape, spec.shape(records))) {
                throw error(where + ": field 'shape' is " + Arrays.toString(shape) + " but records ("
                        + records + ") and record_shape imply " + Arrays.toString(spec.shape(records)));
            }
            long bytes = nonNegative(c, "bytes");
            if (bytes != records * spec.recordBytes()) {
                throw error(where + ": field 'bytes' is " + bytes + " but the shape implies "
                        + records * spec.recordBytes());
            }
            String crc = string(c, "crc32c");
            if (!CRC.matcher(crc).matches()) {
                throw error(where + ": field 'crc32c' is '" + crc + "', expected 8 lower-case hex digits");
            }
            return new Column(spec, nonNegative(c, "data_offset"), bytes, Long.parseLong(crc, 16));
        }

        private JsonElement field(JsonObject o, String key) throws DatasetFormatException {
            JsonElement e = o.get(key);
            if (e == null || e.isJsonNull()) {
                throw error("field '" + key + "' is missing");
            }
            return e;
        }

        private String string(JsonObject o, String key) throws DatasetFormatException {
            JsonElement e = field(o, key);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw error("field '" + key + "' must be a string, got " + e);
            }
            return e.getAsString();
        }

        private long integer(JsonObject o, String key) throws DatasetFormatException {
            JsonElement e = field(o, key);
            if (!isInteger(e)) {
                throw error("field '" + key + "' must be an integer, got " + e);
            }
            return e.getAsLong();
        }

        private long nonNegative(JsonObject o, String key) throws DatasetFormatException {
            long v = integer(o, key);
            if (v < 0) {
                throw error("field '" + key + "' must be >= 0, got " + v);
            }
            return v;
        }

        private long[] longs(JsonObject o, String key) throws DatasetFormatException {
            JsonElement e = field(o, key);
            if (!e.isJsonArray()) {
                throw error("field '" + key + "' must be an array of integers, got " + e);
            }
            JsonArray a = e.getAsJsonArray();
            long[] v = new long[a.size()];
            for (int i = 0; i < v.length; i++) {
                if (!isInteger(a.get(i))) {
                    throw error("field '" + key + "' must be an array of integers, got " + e);
                }
                v[i] = a.get(i).getAsLong();
            }
            return v;
        }

        private JsonObject object(JsonObject o, String key) throws DatasetFormatException {
            JsonElement e = field(o, key);
            if (!e.isJsonObject()) {
                throw error("field '" + key + "' must be a JSON object, got " + e);
            }
            return e.getAsJsonObject();
        }

        private static boolean isInteger(JsonElement e) {
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
                return false;
            }
            JsonPrimitive p = e.getAsJsonPrimitive();
            if (!INTEGER.matcher(p.getAsString()).matches()) {
                return false;
            }
            try {
                Long.parseLong(p.getAsString());
                return true;
            } catch (NumberFormatException x) {
                return false;
            }
        }

        private DatasetFormatException error(String what) {
            return new DatasetFormatException(file + ": " + what
                    + (what.contains("upgrade DensityLab") || what.endsWith(remedy) ? "" : "; " + remedy));
        }
    }
}
