package org.densitylab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parsed {@code --name value} options of a command, with typed getters whose errors name the option and the value
 * and give an example ("--samples: 'abc' is not a whole number; give e.g. --samples 20000"). Values that are not
 * options ({@code positional}) are kept in order.
 */
final class Options {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();
    private final List<String> arguments;

    private Options(List<String> arguments) {
        this.arguments = List.copyOf(arguments);
    }

    /**
     * @param args  the arguments
     * @param known the option names (without "--") that take a value
     * @param flags the option names that take none
     * @return the parsed options
     * @throws IllegalArgumentException for an unknown option, a missing value or an option given twice
     */
    static Options parse(List<String> args, List<String> known, List<String> flags) {
        Options o = new Options(args);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                o.positional.add(a);
                continue;
            }
            String name = a.substring(2);
            if (flags.contains(name)) {
                o.values.put(name, "true");
            } else if (!known.contains(name)) {
                List<String> all = new ArrayList<>(known);
                all.addAll(flags);
                throw new IllegalArgumentException("unknown option " + a + "; the options are --" + String.join(", --", all));
            } else if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                throw new IllegalArgumentException(a + " needs a value");
            } else if (o.values.put(name, args.get(++i)) != null) {
                throw new IllegalArgumentException(a + " is given twice");
            }
        }
        return o;
    }

    /** @return the command line as given, for {@code command.txt} */
    String commandLine(String command) {
        return ("densitylab " + command + " " + String.join(" ", arguments)).strip();
    }

    List<String> positional() {
        return positional;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name, String example) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("--" + name + " is required; give e.g. --" + name + " " + example);
        }
        return v;
    }

    /** A whole number of at least {@code min}. */
    int integer(String name, int fallback, int min) {
        String v = values.get(name);
        return v == null ? fallback : integer(name, v, min);
    }

    static int integer(String name, String v, int min) {
        int x;
        try {
            x = Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": '" + v + "' is not a whole number; give e.g. --" + name + " "
                    + Math.max(min, 1));
        }
        if (x < min) {
            throw new IllegalArgumentException("--" + name + ": " + x + " is too small; give a whole number of at least " + min);
        }
        return x;
    }

    long seed(String name, long fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + ": '" + v + "' is not a whole number; give e.g. --" + name + " 1");
        }
    }

    /** A finite number greater than 0. */
    double positive(String name, double fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        double x;
        try {
            x = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            x = Double.NaN;
        }
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("--" + name + ": '" + v + "' is not a number greater than 0; give e.g. --" + name
                    + " " + fallback);
        }
        return x;
    }

    /** true or false, nothing else. */
    boolean bool(String name, boolean fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("--" + name + ": '" + v + "' is neither true nor false; give --" + name
                    + " true or --" + name + " false");
        };
    }

    /** One of a list of words. */
    String choice(String name, String fallback, String... valid) {
        String v = values.getOrDefault(name, fallback);
        if (!Arrays.asList(valid).contains(v)) {
            throw new IllegalArgumentException("--" + name + ": '" + v + "' is not one of " + String.join(", ", valid));
        }
        return v;
    }

    /** An enum constant by its option word (lower case, '-' for '_'). */
    <E extends Enum<E>> E choice(String name, E fallback, Class<E> type) {
        E[] all = type.getEnumConstants();
        String[] words = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            words[i] = word(all[i]);
        }
        String v = choice(name, word(fallback), words);
        return all[Arrays.asList(words).indexOf(v)];
    }

    static String word(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A path (not checked). */
    Path path(String name, Path fallback) {
        String v = values.get(name);
        return v == null ? fallback : Path.of(v);
    }
}
