package org.densitylab.util;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The papers' published numbers as data: CSV files under {@code src/main/resources/org/densitylab/reference/}
 * (Tables II and III of the entanglement paper; the marginals paper's per-rank numbers behind Figs. 2–4 and its
 * runtimes), each with a header line and a {@code source} column that cites the paper's table or figure (and the
 * reference code's data file where the numbers come from there). Plain comma-separated values, no quoting; an
 * empty field is a number the source does not give (read as NaN). {@code docs/papers.md} lists the files.
 *
 * <p>A malformed file (a row with the wrong number of fields, a missing or empty {@code source}, a value that is
 * not a number) is reported with the file, the line, the column and the value.
 */
public final class ReferenceData {
    /** Folder of the files on the class path. */
    public static final String FOLDER = "org/densitylab/reference/";

    private static final Map<String, ReferenceData> LOADED = new ConcurrentHashMap<>();

    private final String file;
    private final List<String> header;
    private final List<Row> rows;

    private ReferenceData(String file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    /**
     * One file of {@link #FOLDER}, read once and kept.
     *
     * @param name the file name, e.g. {@code "entanglement-accuracy.csv"}
     * @return its rows
     * @throws IllegalStateException if the file is missing or malformed
     */
    public static ReferenceData load(String name) {
        return LOADED.computeIfAbsent(name, n -> {
            try (InputStream in = ReferenceData.class.getClassLoader().getResourceAsStream(FOLDER + n)) {
                if (in == null) {
                    throw new IllegalStateException("reference data " + FOLDER + n + " is missing from the class path:"
                            + " rebuild the project (mvn package) or restore the file from git");
                }
                return read(FOLDER + n, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read reference data " + FOLDER + n + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * Parses reference data: a header line naming the columns (one of them {@code source}), then one row per line;
     * blank lines are skipped.
     *
     * @param file the file's name, for messages
     * @param in   its text
     * @return the rows
     * @throws IOException           if {@code in} cannot be read
     * @throws IllegalStateException if the text is malformed (the message names the file, line and column)
     */
    public static ReferenceData read(String file, BufferedReader in) throws IOException {
        String first = in.readLine();
        if (first == null || first.isBlank()) {
            throw new IllegalStateException("reference data " + file + " is empty: its first line must name the columns");
        }
        List<String> header = List.of(first.strip().split(",", -1));
        if (!header.contains("source")) {
            throw new IllegalStateException("reference data " + file + ": the header " + first.strip()
                    + " has no source column (each row must cite the paper's table or figure)");
        }
        List<Row> rows = new ArrayList<>();
        int lineNumber = 1;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.strip().split(",", -1);
            if (fields.length != header.size()) {
                throw new IllegalStateException("reference data " + file + ", line " + lineNumber + ": " + fields.length
                        + " fields where the header has " + header.size() + " (" + String.join(",", header) + ")");
            }
            Row row = new Row(file, lineNumber, header, Arrays.stream(fields).map(String::strip).toArray(String[]::new));
            if (row.text("source").isEmpty()) {
                throw new IllegalStateException("reference data " + file + ", line " + lineNumber + ": empty source");
            }
            rows.add(row);
        }
        return new ReferenceData(file, header, List.copyOf(rows));
    }

    /** @return the file's name on the class path */
    public String file() {
        return file;
    }

    /** @return the column names, in file order */
    public List<String> header() {
        return header;
    }

    /** @return the rows, in file order */
    public List<Row> rows() {
        return rows;
    }

    /**
     * @param column a column name
     * @param value  a value of that column
     * @return the rows whose {@code column} equals {@code value}, in file order (possibly none)
     */
    public List<Row> where(String column, String value) {
        return rows.stream().filter(r -> r.text(column).equals(value)).toList();
    }

    /** One line of a reference file. */
    public static final class Row {
        private final String file;
        private final int line;
        private final List<String> header;
        private final String[] fields;

        private Row(String file, int line, List<String> header, String[] fields) {
            this.file = file;
            this.line = line;
            this.header = header;
            this.fields = fields;
        }

        /**
         * @param column a column name
         * @return the field as written
         * @throws IllegalStateException if the file has no such column
         */
        public String text(String column) {
            int i = header.indexOf(column);
            if (i < 0) {
                throw new IllegalStateException("reference data " + file + " has no column " + column + " (columns: "
                        + String.join(",", header) + ")");
            }
            return fields[i];
        }

        /**
         * @param column a column name
         * @return the field as a number; NaN for an empty field (a value the source does not give)
         * @throws IllegalStateException if the field is neither empty nor a finite number
         */
        public double number(String column) {
            String s = text(column);
            if (s.isEmpty()) {
                return Double.NaN;
            }
            try {
                double v = Double.parseDouble(s);
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalStateException("reference data " + file + ", line " + line + ", column " + column + ": '" + s
                    + "' is not a number (leave the field empty where the source gives none)");
        }

        /**
         * @param column a column name
         * @return the field as a whole number
         * @throws IllegalStateException if the field is not a whole number
         */
        public int integer(String column) {
            String s = text(column);
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalStateException("reference data " + file + ", line " + line + ", column " + column
                        + ": '" + s + "' is not a whole number", e);
            }
        }
    }
}
