package org.densitylab.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.densitylab.data.io.Dataset;
import org.densitylab.data.io.Manifest;

/**
 * Every input that decides a run's results, as named text fields in a fixed order: options, architecture, label
 * strategy, each dataset's recipe, seed, scale, variant and checksums, and the library version. A field is
 * <em>fixed</em> (a rerun must give the same value), <em>growing</em> (a rerun may give a larger number: more
 * epochs, a later λ switch, more batches per epoch) or <em>free</em> (a rerun may change it, e.g. the learning rate
 * of the last epochs); changes of growing and free fields are recorded in {@link #extensions()}.
 *
 * <pre>{@code
 * Provenance p = Provenance.builder().fixed("labels", "verified").growing("epochs", 20)
 *         .dataset("train", Path.of("data/train-verified-s1")).build();
 * p.requireCompatible(saved, "run folder out/");   // names each differing field, old -> new
 * }</pre>
 */
public final class Provenance {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** How a field may change on a rerun. */
    public enum Rule {
        /** must stay the same */
        FIXED,
        /** may grow (a number) */
        GROWING,
        /** may change */
        FREE
    }

    private final Map<String, String> fields;
    private final Map<String, Rule> rules;
    private final List<String> extensions;

    private Provenance(Map<String, String> fields, Map<String, Rule> rules, List<String> extensions) {
        this.fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        this.extensions = List.copyOf(extensions);
    }

    /** @return a builder with the library version as its first field */
    public static Builder builder() {
        return new Builder().fixed("library-version", Manifest.currentLibraryVersion());
    }

    /** @return the fields in order, name → value */
    public Map<String, String> fields() {
        return fields;
    }

    /**
     * @param name a field
     * @return its value, or null
     */
    public String get(String name) {
        return fields.get(name);
    }

    /** @return the recorded extensions of earlier reruns ("time field: old → new"), oldest first */
    public List<String> extensions() {
        return extensions;
    }

    /**
     * The fields in which a rerun with these inputs differs from a run with {@code saved} in a way its rules do not
     * allow.
     *
     * @param saved the inputs of the run found in the folder
     * @return "field: old → new", one per differing field, in order (empty if compatible)
     */
    public List<String> conflicts(Provenance saved) {
        List<String> out = new ArrayList<>();
        for (String name : names(saved)) {
            String was = saved.fields.get(name);
            String now = fields.get(name);
            if (java.util.Objects.equals(was, now)) {
                continue;
            }
            Rule rule = rules.getOrDefault(name, saved.rules.getOrDefault(name, Rule.FIXED));
            boolean allowed = switch (rule) {
                case FREE -> true;
                case GROWING -> was != null && now != null && number(now) >= number(was);
                case FIXED -> false;
            };
            if (!allowed) {
                out.add(name + ": " + show(was) + " → " + show(now) + (rule == Rule.GROWING ? " (it may only grow)" : ""));
            }
        }
        return out;
    }

    /**
     * Refuses a rerun whose inputs differ from the saved run's.
     *
     * @param saved the inputs recorded by the run in the folder, or null for a new run
     * @param where the folder, for the message
     * @throws IllegalArgumentException naming every differing field (old → new) and what to do
     */
    public void requireCompatible(Provenance saved, Path where) {
        if (saved == null) {
            return;
        }
        List<String> c = conflicts(saved);
        if (!c.isEmpty()) {
            throw new IllegalArgumentException(where + " holds a run with other inputs (" + String.join("; ", c)
                    + "): rerun with the original options to resume it, or choose another output folder (or delete this"
                    + " one) to start afresh");
        }
    }

    /**
     * @param names field names
     * @return a record with only those of its fields (and their rules)
     */
    public Provenance restrictedTo(java.util.Collection<String> names) {
        Map<String, String> f = new LinkedHashMap<>();
        Map<String, Rule> r = new LinkedHashMap<>();
        fields.forEach((k, v) -> {
            if (names.contains(k)) {
                f.put(k, v);
                r.put(k, rules.getOrDefault(k, Rule.FIXED));
            }
        });
        return new Provenance(f, r, extensions);
    }

    /**
     * These inputs, with the extensions of {@code saved} and the allowed changes from it appended.
     *
     * @param saved the saved run's inputs (compatible with these), or null
     * @return what to record for the continued run
     */
    public Provenance continuing(Provenance saved) {
        if (saved == null) {
            return this;
        }
        List<String> ext = new ArrayList<>(saved.extensions);
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        for (String name : names(saved)) {
            if (!java.util.Objects.equals(saved.fields.get(name), fields.get(name))) {
                ext.add(now + " " + name + ": " + show(saved.fields.get(name)) + " → " + show(fields.get(name)));
            }
        }
        return new Provenance(fields, rules, ext);
    }

    private Set<String> names(Provenance saved) {
        Set<String> names = new LinkedHashSet<>(saved.fields.keySet());
        names.addAll(fields.keySet());
        return names;
    }

    private static String show(String v) {
        return v == null ? "(none)" : v;
    }

    private static double number(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** @return the JSON form (fields, rules of the non-fixed fields, extensions) */
    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fields", fields);
        Map<String, String> r = new LinkedHashMap<>();
        rules.forEach((k, v) -> {
            if (v != Rule.FIXED) {
                r.put(k, v.name().toLowerCase(Locale.ROOT));
            }
        });
        m.put("rules", r);
        m.put("extensions", extensions);
        return GSON.toJson(m) + "\n";
    }

    /**
     * Parses {@link #toJson}.
     *
     * @param json the text
     * @param file where it was read from, for the message
     * @return the provenance
     * @throws IOException naming the file if the text is not a provenance record
     */
    public static Provenance fromJson(String json, Path file) throws IOException {
        try {
            Stored s = GSON.fromJson(json, Stored.class);
            if (s == null || s.fields == null) {
                throw new JsonParseException("no 'fields'");
            }
            Map<String, Rule> rules = new LinkedHashMap<>();
            if (s.rules != null) {
                s.rules.forEach((k, v) -> rules.put(k, Rule.valueOf(v.toUpperCase(Locale.ROOT))));
            }
            return new Provenance(s.fields, rules, s.extensions == null ? List.of() : s.extensions);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new IOException(file + " is not a provenance record (" + e.getMessage() + "); delete the folder to start"
                    + " afresh", e);
        }
    }

    /** The JSON shape. */
    private static final class Stored {
        LinkedHashMap<String, String> fields;
        LinkedHashMap<String, String> rules;
        List<String> extensions;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Provenance p && p.fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return fields.toString();
    }

    /** Collects fields in order. */
    public static final class Builder {
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final Map<String, Rule> rules = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder put(String name, Object value, Rule rule) {
            fields.put(name, String.valueOf(value));
            rules.put(name, rule);
            return this;
        }

        /**
         * @param name  field name
         * @param value value (its text form is compared)
         * @return this
         */
        public Builder fixed(String name, Object value) {
            return put(name, value, Rule.FIXED);
        }

        /**
         * @param name  field name
         * @param value a number a rerun may increase
         * @return this
         */
        public Builder growing(String name, Number value) {
            return put(name, value, Rule.GROWING);
        }

        /**
         * @param name  field name
         * @param value a value a rerun may change (recorded)
         * @return this
         */
        public Builder free(String name, Object value) {
            return put(name, value, Rule.FREE);
        }

        /**
         * Adds another record's fields under a prefix ("prefix.field"), keeping their rules.
         *
         * @param prefix the prefix ("": the fields as they are)
         * @param other  the record
         * @return this
         */
        public Builder with(String prefix, Provenance other) {
            other.fields.forEach((k, v) -> {
                if (prefix.isEmpty() || !k.equals("library-version")) {
                    put(prefix.isEmpty() ? k : prefix + "." + k, v, other.rules.getOrDefault(k, Rule.FIXED));
                }
            });
            return this;
        }

        /**
         * A dataset on disk: its name, recipe (with scale and variant), seed, record count and the checksum of every
         * column, from its manifest ({@code role.name}, {@code role.recipe}, {@code role.seed}, ...).
         *
         * @param role what the run uses it for ("train", "val-bisep", ...)
         * @param dir  the dataset folder
         * @return this
         * @throws IOException if the dataset cannot be read
         */
        public Builder dataset(String role, Path dir) throws IOException {
            Manifest m;
            try (Dataset ds = Dataset.open(dir, false)) {
                m = ds.manifest();
            }
            fixed(role + ".name", m.info().name());
            fixed(role + ".recipe", m.info().recipe().toString());
            fixed(role + ".seed", m.info().seed());
            fixed(role + ".records", m.records());
            StringBuilder crc = new StringBuilder();
            for (Manifest.Column c : m.columns()) {
                crc.append(crc.length() == 0 ? "" : " ").append(c.spec().name()).append('=')
                        .append(String.format("%08x", c.crc32c()));
            }
            fixed(role + ".checksums", crc);
            return free(role + ".path", dir.toAbsolutePath().normalize());
        }

        /** @return the record */
        public Provenance build() {
            return new Provenance(fields, rules, List.of());
        }
    }
}
