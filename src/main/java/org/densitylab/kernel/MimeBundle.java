package org.densitylab.kernel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One displayable value in several representations, keyed by MIME type, as Jupyter's
 * {@code display_data} and {@code execute_result} messages carry it: {@code text/plain} text,
 * {@code text/html} markup, base64-encoded {@code image/png}, ...
 *
 * <p>Returned by {@link Display#render(Object)}; a cell whose last value is a bundle shows the bundle.
 */
public final class MimeBundle {
    private final Map<String, String> data;

    private MimeBundle(Map<String, String> data) {
        this.data = Collections.unmodifiableMap(data);
    }

    /**
     * A bundle with a single representation.
     *
     * @param mime  the MIME type, for example {@code text/html}
     * @param value the content (base64 for binary types)
     * @return the bundle
     */
    public static MimeBundle of(String mime, String value) {
        return empty().with(mime, value);
    }

    /** @return a bundle with no representation */
    public static MimeBundle empty() {
        return new MimeBundle(new LinkedHashMap<>());
    }

    /**
     * @param mime  the MIME type
     * @param value the content
     * @return a copy of this bundle with one representation added or replaced
     */
    public MimeBundle with(String mime, String value) {
        Map<String, String> copy = new LinkedHashMap<>(data);
        copy.put(Objects.requireNonNull(mime, "mime"), Objects.requireNonNull(value, "value"));
        return new MimeBundle(copy);
    }

    /**
     * @param mime a MIME type
     * @return the content for it, or null
     */
    public String get(String mime) {
        return data.get(mime);
    }

    /** @return the representations in insertion order, unmodifiable */
    public Map<String, String> data() {
        return data;
    }

    /** @return true when the bundle has no representation */
    public boolean isEmpty() {
        return data.isEmpty();
    }

    @Override
    public String toString() {
        String text = data.get("text/plain");
        return text != null ? text : "MimeBundle" + data.keySet();
    }
}
