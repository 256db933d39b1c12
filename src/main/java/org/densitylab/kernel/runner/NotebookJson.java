package org.densitylab.kernel.runner;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.Streams;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Notebook files as Jupyter writes them, so that a notebook executed here and saved again in Jupyter
 * differs only where its content does: nbformat 4.5 cell ids, keys sorted, one-space indent,
 * multi-line text stored as a list of lines ({@code nbformat}'s {@code split_lines}).
 */
final class NotebookJson {
    private NotebookJson() {
    }

    /**
     * Gives every cell without one an nbformat 4.5 id, stable for a given position and source, and
     * raises {@code nbformat_minor} to 5 if it was lower.
     *
     * @param nb the notebook, changed in place
     */
    static void addCellIds(JsonObject nb) {
        JsonArray cells = nb.getAsJsonArray("cells");
        Set<String> used = new HashSet<>();
        for (JsonElement c : cells) {
            JsonElement id = c.getAsJsonObject().get("id");
            if (id != null && id.isJsonPrimitive()) {
                used.add(id.getAsString());
            }
        }
        for (int i = 0; i < cells.size(); i++) {
            JsonObject cell = cells.get(i).getAsJsonObject();
            if (cell.has("id") && cell.get("id").isJsonPrimitive()) {
                continue;
            }
            String id = sha256Hex(i + "\n" + NotebookRunner.source(cell.get("source"))).substring(0, 12);
            for (int k = 2; !used.add(id); k++) {
                id = sha256Hex(i + "\n" + k).substring(0, 12);
            }
            cell.addProperty("id", id);
        }
        JsonElement minor = nb.get("nbformat_minor");
        if (minor == null || !minor.isJsonPrimitive() || minor.getAsInt() < 5) {
            nb.addProperty("nbformat_minor", 5);
        }
    }

    /**
     * @param nb a notebook
     * @return its file content as Jupyter writes it, ending with a newline
     */
    static String format(JsonObject nb) {
        StringWriter out = new StringWriter();
        try (JsonWriter w = new JsonWriter(out)) {
            w.setIndent(" ");
            w.setHtmlSafe(false);
            w.setSerializeNulls(true);
            Streams.write(normalize(nb, null), w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    /** Sorted keys; text fields of cells and outputs split into lines as nbformat stores them. */
    private static JsonElement normalize(JsonElement e, String key) {
        if (e.isJsonObject()) {
            Map<String, JsonElement> sorted = new TreeMap<>();
            for (Map.Entry<String, JsonElement> m : e.getAsJsonObject().entrySet()) {
                sorted.put(m.getKey(), normalize(m.getValue(), m.getKey()));
            }
            JsonObject o = new JsonObject();
            sorted.forEach(o::add);
            return o;
        }
        if (e.isJsonArray()) {
            JsonArray a = new JsonArray();
            e.getAsJsonArray().forEach(x -> a.add(normalize(x, null)));
            return a;
        }
        if (key != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() && splitsIntoLines(key)) {
            JsonArray lines = new JsonArray();
            splitLines(e.getAsString()).forEach(l -> lines.add(new JsonPrimitive(l)));
            return lines;
        }
        return e;
    }

    private static boolean splitsIntoLines(String key) {
        return key.equals("source") || key.equals("text") || key.startsWith("text/")
                || key.equals("image/svg+xml") || key.equals("application/javascript");
    }

    /** Python's {@code str.splitlines(True)} for {@code \n}: each line keeps its terminator. */
    static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', start)) {
            lines.add(s.substring(start, i + 1));
            start = i + 1;
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    private static String sha256Hex(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
