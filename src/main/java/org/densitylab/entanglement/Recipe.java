package org.densitylab.entanglement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * A dataset recipe: groups of states, each with a count, a construction and an acceptance rule, in file order (paper 1
 * Table I).
 *
 * @param name    the dataset's name
 * @param qubits  N
 * @param variant paper or reference-code choices
 * @param scale   the factor applied to the paper's counts
 * @param groups  the groups in order
 */
public record Recipe(String name, int qubits, Variant variant, double scale, List<Group> groups) {

    /**
     * A group of states.
     *
     * @param name       a short name
     * @param count      number of states
     * @param acceptance which candidates are kept
     * @param source     makes a candidate from a random source; it may return {@code null} for a candidate it
     *                   can tell will be rejected without building it
     */
    public record Group(String name, long count, Acceptance acceptance, Function<RandomGenerator, Sample> source) {
    }

    /** @return total number of states */
    public long count() {
        return groups.stream().mapToLong(Group::count).sum();
    }

    /** @return the recipe as plain data for the manifest: name, qubits, variant, scale, group names and counts */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("recipe", name);
        d.put("qubits", qubits);
        d.put("variant", variant.name());
        d.put("scale", scale);
        List<Map<String, Object>> gs = new ArrayList<>();
        for (Group g : groups) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", g.name());
            m.put("count", g.count());
            gs.add(m);
        }
        d.put("groups", gs);
        return d;
    }
}
