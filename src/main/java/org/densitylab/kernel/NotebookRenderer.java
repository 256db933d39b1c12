package org.densitylab.kernel;

import org.densitylab.plot.TableHtml;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.imageio.ImageIO;

/**
 * Turns cell values into {@link MimeBundle}s.
 *
 * <ul>
 *   <li>{@link MimeBundle}: itself;</li>
 *   <li>{@link RenderedImage} (so {@code BufferedImage}): {@code image/png} plus {@code text/plain};</li>
 *   <li>Tablesaw {@code Table}: {@code text/html} plus {@code text/plain} (see {@link TableHtml});</li>
 *   <li>XChart charts: {@code image/png};</li>
 *   <li>anything else: {@code text/plain} from {@code String.valueOf}.</li>
 * </ul>
 *
 * Further types can be added with {@link #register}; the most specific registered class wins.
 */
public final class NotebookRenderer {
    private final Map<Class<?>, Function<Object, MimeBundle>> renderers = new LinkedHashMap<>();

    /** A renderer with the default types above. */
    public NotebookRenderer() {
        register(RenderedImage.class, img -> MimeBundle.of("text/plain", String.valueOf(img))
                .with("image/png", png(img)));
        LibraryRenderers.registerAll(this);
    }

    /**
     * Adds or replaces how values of a type are shown.
     *
     * @param type     the class or interface
     * @param function makes the bundle of a value of that type
     * @param <T>      the type
     */
    @SuppressWarnings("unchecked")
    public synchronized <T> void register(Class<T> type, Function<? super T, MimeBundle> function) {
        renderers.put(Objects.requireNonNull(type), (Function<Object, MimeBundle>) function);
    }

    /**
     * @param value any value, possibly null
     * @return its richest representations
     */
    public MimeBundle render(Object value) {
        if (value instanceof MimeBundle bundle) {
            return bundle;
        }
        if (value == null) {
            return MimeBundle.of("text/plain", "null");
        }
        Function<Object, MimeBundle> f = find(value.getClass());
        MimeBundle bundle = f != null ? f.apply(value) : null;
        if (bundle == null || bundle.isEmpty()) {
            bundle = MimeBundle.of("text/plain", String.valueOf(value));
        }
        return bundle;
    }

    /**
     * Renders as the given MIME types: text values are taken as already being in that type (so
     * {@code render("<b>x</b>", "text/html")} shows bold text, as in IJava); other values keep the
     * representations of those types that {@link #render(Object)} produces.
     *
     * @param value a value
     * @param mimes the wanted types; none means all
     * @return the bundle
     */
    public MimeBundle render(Object value, String... mimes) {
        if (mimes == null || mimes.length == 0) {
            return render(value);
        }
        if (value instanceof CharSequence text) {
            MimeBundle b = MimeBundle.empty();
            for (String m : mimes) {
                b = b.with(m, text.toString());
            }
            return b;
        }
        MimeBundle full = render(value);
        MimeBundle b = MimeBundle.empty();
        for (String m : mimes) {
            if (full.get(m) != null) {
                b = b.with(m, full.get(m));
            }
        }
        return b.isEmpty() ? full : b;
    }

    private synchronized Function<Object, MimeBundle> find(Class<?> type) {
        Function<Object, MimeBundle> best = null;
        Class<?> bestType = null;
        for (Map.Entry<Class<?>, Function<Object, MimeBundle>> e : renderers.entrySet()) {
            if (e.getKey().isAssignableFrom(type)
                    && (bestType == null || bestType.isAssignableFrom(e.getKey()))) {
                best = e.getValue();
                bestType = e.getKey();
            }
        }
        return best;
    }

    /**
     * @param image an image
     * @return its PNG encoding in base64, as Jupyter expects for {@code image/png}
     */
    public static String png(RenderedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JVM");
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
