package org.densitylab.kernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the path patterns of {@code %jars}, {@code %classpath} and {@code IJAVA_CLASSPATH}. */
final class Globs {
    private Globs() {
    }

    /**
     * @param pattern a path, possibly with {@code *}, {@code ?}, {@code **} or {@code {a,b}}
     * @param base    the directory relative paths start from
     * @return the existing paths it matches, sorted
     */
    static List<Path> expand(String pattern, Path base) {
        String p = pattern.startsWith("~/") ? System.getProperty("user.home") + pattern.substring(1) : pattern;
        int glob = indexOfGlob(p);
        if (glob < 0) {
            Path path = base.resolve(p).normalize();
            return Files.exists(path) ? List.of(path) : List.of();
        }
        int slash = p.lastIndexOf('/', glob);
        Path root = base.resolve(slash < 0 ? "." : (slash == 0 ? "/" : p.substring(0, slash))).normalize();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        String rest = p.substring(slash + 1);
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : rest.split("/").length;
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root, depth)) {
            s.filter(x -> !x.equals(root) && m.matches(root.relativize(x))).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static int indexOfGlob(String p) {
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*' || c == '?' || c == '{' || c == '[') {
                return i;
            }
        }
        return -1;
    }
}
