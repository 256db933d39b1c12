package org.densitylab.data.io;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a dataset is, as recorded in its manifest: a name, the recipe that generated it (a JSON object:
 * generator name and parameters), the seed, the conventions its values follow (e.g. qubit order,
 * negativity definition) and any further metadata. Immutable.
 *
 * <pre>{@code
 * record Recipe(String generator, int qubits, int count) {}
 * DatasetInfo info = DatasetInfo.of("train-3q", new Recipe("entanglement", 3, 570_000), 42)
 *         .withConventions(Map.of("qubitOrder", "qubit 0 is the most significant bit"));
 * }</pre>
 *
 * <p>The recipe and metadata are converted to JSON with Gson when the info is made, and compared as JSON
 * when a run is resumed, so any object Gson serializes to a JSON object will do: a {@code record}, a
 * {@code Map}, or a {@code JsonObject}.
 */
public final class DatasetInfo {
    private static final Gson GSON = new Gson();

    private final String name;
    private final JsonObject recipe;
    private final long seed;
    private final Map<String, String> conventions;
    private final JsonObject metadata;

    private DatasetInfo(String name, JsonObject recipe, long seed, Map<String, String> conventions,
                        JsonObject metadata) {
        this.name = name;
        this.recipe = recipe;
        this.seed = seed;
        this.conventions = conventions;
        this.metadata = metadata;
    }

    /**
     * Describes a dataset, with no conventions and no metadata.
     *
     * @param name   the dataset name
     * @param recipe how it is generated: anything Gson turns into a JSON object
     * @param seed   the seed of the generation
     * @return the description
     * @throws IllegalArgumentException if {@code recipe} does not serialize to a JSON object
     */
    public static DatasetInfo of(String name, Object recipe, long seed) {
        return new DatasetInfo(Objects.requireNonNull(name, "name"), toObject(recipe, "recipe"), seed,
                Map.of(), new JsonObject());
    }

    /**
     * @param conventions the conventions the values follow, by name (stored sorted by name)
     * @return a copy of this info with these conventions
     */
    public DatasetInfo withConventions(Map<String, String> conventions) {
        Map<String, String> copy = new TreeMap<>();
        conventions.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v, k)));
        return new DatasetInfo(name, recipe, seed, Collections.unmodifiableMap(copy), metadata);
    }

    /**
     * @param metadata any further facts about the dataset (not compared on resume): anything Gson turns
     *                 into a JSON object
     * @return a copy of this info with this metadata
     * @throws IllegalArgumentException if {@code metadata} does not serialize to a JSON object
     */
    public DatasetInfo withMetadata(Object metadata) {
        return new DatasetInfo(name, recipe, seed, conventions, toObject(metadata, "metadata"));
    }

    /** Converts to a JSON object through text, so that numbers compare the same as after reading back. */
    static JsonObject toObject(Object value, String what) {
        JsonElement tree = value instanceof JsonElement e ? e : GSON.toJsonTree(Objects.requireNonNull(value, what));
        JsonElement reparsed = JsonParser.parseString(GSON.toJson(tree));
        if (!reparsed.isJsonObject()) {
            throw new IllegalArgumentException(what + " must serialize to a JSON object, got " + tree);
        }
        return reparsed.getAsJsonObject();
    }

    /** @return the dataset name */
    public String name() {
        return name;
    }

    /** @return a copy of the recipe */
    public JsonObject recipe() {
        return recipe.deepCopy();
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return the conventions, unmodifiable */
    public Map<String, String> conventions() {
        return conventions;
    }

    /** @return a copy of the metadata */
    public JsonObject metadata() {
        return metadata.deepCopy();
    }

    /**
     * Says how {@code other} differs from this info in what identifies a generation run: name, recipe,
     * seed and conventions (not metadata).
     *
     * @return null if they agree, else a description naming the first difference and both values
     */
    String differenceFrom(DatasetInfo other) {
        if (!name.equals(other.name)) {
            return "its name is '" + name + "' but the caller's is '" + other.name + "'";
        }
        if (seed != other.seed) {
            return "its seed is " + seed + " but the caller's is " + other.seed;
        }
        if (!recipe.equals(other.recipe)) {
            for (String key : union(recipe, other.recipe)) {
                if (!Objects.equals(recipe.get(key), other.recipe.get(key))) {
                    return "its recipe has " + key + " = " + recipe.get(key) + " but the caller's has "
                            + other.recipe.get(key);
                }
            }
        }
        if (!conventions.equals(other.conventions)) {
            return "its conventions are " + conventions + " but the caller's are " + other.conventions;
        }
        return null;
    }

    private static Iterable<String> union(JsonObject a, JsonObject b) {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        a.keySet().forEach(k -> keys.put(k, true));
        b.keySet().forEach(k -> keys.put(k, true));
        return keys.keySet();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetInfo d && differenceFrom(d) == null && metadata.equals(d.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, recipe, seed, conventions, metadata);
    }

    @Override
    public String toString() {
        return "DatasetInfo[" + name + ", seed " + seed + ", recipe " + recipe + "]";
    }
}
