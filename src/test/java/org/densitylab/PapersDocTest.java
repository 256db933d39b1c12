package org.densitylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation's cross-references hold: every {@code docs/papers.md#<heading>} cited in the sources and docs names a
 * heading of docs/papers.md (GitHub's anchor rule), and no source cites the internal specifications the users of the
 * project never see.
 */
class PapersDocTest extends QuietTest {
    private static final Pattern CITED = Pattern.compile("papers\\.md#([a-z0-9-]+)");
    private static final Pattern SPEC_CITATION = Pattern.compile("spec (§|[a-z-]+\\.md)|\\b(entanglement|marginals|dl4j)\\.md\\b");

    /** GitHub's anchor of a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
    static String anchor(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} -]", "").replace(' ', '-');
    }

    private static List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String root : List.of("src/main", "src/test/java", "docs")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                s.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".md")).forEach(out::add);
            }
        }
        out.add(Path.of("README.md"));
        return out;
    }

    @Test
    void everyCitedAnchorIsAHeading() throws IOException {
        Set<String> headings = Files.readAllLines(Path.of("docs/papers.md")).stream()
                .filter(l -> l.startsWith("#")).map(l -> anchor(l.replaceFirst("^#+", "")))
                .collect(Collectors.toSet());
        assertTrue(headings.contains("separability-measure-m") && headings.contains("mio-eq-3"), headings.toString());
        Set<String> missing = new TreeSet<>();
        int cited = 0;
        for (Path f : files()) {
            Matcher m = CITED.matcher(Files.readString(f));
            while (m.find()) {
                cited++;
                if (!headings.contains(m.group(1))) {
                    missing.add(f + ": #" + m.group(1));
                }
            }
        }
        assertTrue(cited > 50, "citations found: " + cited);
        assertEquals(Set.of(), missing);
    }

    @Test
    void noSourceCitesTheInternalSpecs() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : files()) {
            if (f.endsWith("PapersDocTest.java")) {
                continue;
            }
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                if (SPEC_CITATION.matcher(lines.get(i)).find()) {
                    found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), found);
    }

    /**
     * Every {@code Class.member} named in docs/papers.md (in backticks: a class of the library, then nested classes,
     * methods, fields or enum constants) exists, so the map cannot point at renamed code.
     */
    @Test
    void everyClassAndMemberOfPapersMdExists() throws IOException, ClassNotFoundException {
        List<String> packages;
        try (Stream<Path> s = Files.walk(Path.of("src/main/java/org/densitylab"))) {
            packages = s.filter(Files::isDirectory).map(p -> Path.of("src/main/java").relativize(p).toString()
                    .replace('/', '.')).toList();
        }
        Matcher code = Pattern.compile("`([^`]+)`").matcher(Files.readString(Path.of("docs/papers.md")));
        List<String> missing = new ArrayList<>();
        int checked = 0;
        while (code.find()) {
            String[] chain = code.group(1).split("[(\\s]", 2)[0].split("\\.");
            Class<?> c = null;
            for (String pkg : packages) {
                try {
                    c = Class.forName(pkg + "." + chain[0]);
                    break;
                } catch (ClassNotFoundException notHere) {
                    // next package
                }
            }
            if (c == null) {
                continue;   // not a class of the library (a file, an option, a formula)
            }
            checked++;
            for (int i = 1; i < chain.length && c != null; i++) {
                c = member(c, chain[i]);
                if (c == null) {
                    missing.add(code.group(1));
                }
            }
        }
        assertTrue(checked > 100, "class references checked: " + checked);
        assertEquals(List.of(), missing);
    }

    /** @return the nested class {@code name} of c, c itself for a method, field or constant of that name, or null */
    private static Class<?> member(Class<?> c, String name) {
        for (Class<?> nested : c.getClasses()) {
            if (nested.getSimpleName().equals(name)) {
                return nested;
            }
        }
        boolean found = Stream.of(c.getMethods()).anyMatch(m -> m.getName().equals(name))
                || Stream.of(c.getFields()).anyMatch(f -> f.getName().equals(name));
        return found ? c : null;
    }

    @Test
    void anchorsFollowGitHubsRule() {
        assertEquals("evaluation-eq-9-tables-ii-and-iii-fig-a1", anchor(" Evaluation (Eq. 9), Tables II and III, Fig. A1"));
        assertEquals("evaluation-success-fidelity-random-guessing", anchor("Evaluation: success, fidelity, random guessing"));
    }
}
