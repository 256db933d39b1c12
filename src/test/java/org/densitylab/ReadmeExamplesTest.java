package org.densitylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.densitylab.kernel.CellException;
import org.densitylab.kernel.JShellEvaluator;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of README.md compiles and runs as written, each in a fresh JShell (the kernel's
 * {@link JShellEvaluator}, so exactly as in a notebook cell), so the README's examples cannot rot (the habit of
 * Apache Commons Numbers' user-guide test). The examples are scaled to run in seconds.
 */
class ReadmeExamplesTest extends QuietTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    /** @return the text of each {@code ```java} block of a Markdown file, in order */
    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    @Test
    void everyJavaBlockCompilesAndRuns() throws IOException {
        List<String> blocks = javaBlocks(Files.readString(Path.of("README.md")));
        assertEquals(3, blocks.size(), "java blocks in README.md (update this count when adding one)");
        for (int i = 0; i < blocks.size(); i++) {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            try (JShellEvaluator shell = new JShellEvaluator(List.of(), 0,
                    new PrintStream(log, true, StandardCharsets.UTF_8))) {
                shell.eval(blocks.get(i));
            } catch (CellException e) {
                fail("README.md java block " + (i + 1) + " fails: " + String.join("\n", e.traceback()) + "\n"
                        + blocks.get(i));
            }
        }
    }

    /** The README's layout table names every package of src/main (a sub-package through its parent) and no other. */
    @Test
    void layoutTableMatchesThePackages() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String layout = readme.substring(readme.indexOf("## Layout"));
        layout = layout.substring(0, layout.indexOf("\n\n", layout.indexOf("| package |")));
        Set<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("`(org\\.densitylab\\.[a-z.]+)`").matcher(layout);
        while (m.find()) {
            listed.add(m.group(1));
        }
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java"))
                    .forEach(f -> packages.add(Path.of("src/main/java").relativize(f.getParent()).toString().replace('/', '.')));
        }
        Set<String> unlisted = new TreeSet<>();
        for (String p : packages) {
            if (!listed.contains(p) && !listed.contains(p.substring(0, p.lastIndexOf('.')))) {
                unlisted.add(p);
            }
        }
        assertEquals(Set.of(), unlisted, "packages missing from the README's layout table");
        listed.removeAll(packages);
        assertEquals(Set.of(), listed, "layout rows without a package");
    }

    @Test
    void aBrokenBlockFails() {
        List<String> blocks = javaBlocks("text\n```java\nint x = undefinedName + 1;\n```\n```bash\nls\n```\n");
        assertEquals(List.of("int x = undefinedName + 1;\n"), blocks);
        try (JShellEvaluator shell = new JShellEvaluator(List.of(), 0, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8))) {
            CellException e = org.junit.jupiter.api.Assertions.assertThrows(CellException.class, () -> shell.eval(blocks.get(0)));
            assertTrue(String.join("\n", e.traceback()).contains("undefinedName"), e.traceback().toString());
        }
    }
}
