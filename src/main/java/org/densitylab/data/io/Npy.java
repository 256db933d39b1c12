package org.densitylab.data.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.densitylab.util.AtomicFiles;

/**
 * Reads and writes single arrays in the NumPy {@code .npy} format, versions 1.0, 2.0 and 3.0 on
 * reading, 1.0 on writing (2.0 only if a header exceeds 65535 bytes), as specified in
 * <a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>.
 *
 * <p>A file is the magic string {@code \x93NUMPY}, two version bytes, the header length (little-endian
 * {@code uint16} in version 1.0, {@code uint32} from 2.0), and a header: the repr of a Python dict with
 * the keys {@code 'descr'}, {@code 'fortran_order'} and {@code 'shape'}, padded with spaces and a final
 * newline so that the data starts at a multiple of 64 bytes. The data follows in C order.
 *
 * <p>Headers are written byte for byte as NumPy 1.23+ writes them, including the 21 − (digits of the
 * first dimension) spaces NumPy reserves so that the first dimension can grow in place: the header length
 * then does not depend on the record count, which is how {@link DatasetWriter} patches the shape when it
 * commits.
 *
 * <p>Reading rejects Fortran-ordered arrays, big-endian and unsupported types with a
 * {@link DatasetFormatException} that names the file and the offending value.
 */
public final class Npy {
    /** The six bytes every {@code .npy} file starts with. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** The data offset is a multiple of this (NumPy's {@code ARRAY_ALIGN}). */
    static final int ALIGN = 64;
    /** Spaces NumPy reserves for the growth of the first dimension ({@code GROWTH_AXIS_MAX_DIGITS}). */
    static final int GROWTH_DIGITS = 21;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Npy() {
    }

    /**
     * The header of a {@code .npy} file: element type, shape and where the data starts.
     */
    public static final class Header {
        private final DType dtype;
        private final long[] shape;
        private final int dataOffset;
        private final int majorVersion;

        Header(DType dtype, long[] shape, int dataOffset, int majorVersion) {
            this.dtype = dtype;
            this.shape = shape;
            this.dataOffset = dataOffset;
            this.majorVersion = majorVersion;
        }

        /** @return the element type */
        public DType dtype() {
            return dtype;
        }

        /** @return a copy of the dimensions */
        public long[] shape() {
            return shape.clone();
        }

        /** @return the number of elements */
        public long elementCount() {
            return NpyArray.elementCount(shape);
        }

        /** @return the byte offset of the first element */
        public int dataOffset() {
            return dataOffset;
        }

        /** @return the format's major version: 1, 2 or 3 */
        public int majorVersion() {
            return majorVersion;
        }

        /** @return the file length the header implies: data offset plus data bytes */
        public long fileLength() {
            return dataOffset + elementCount() * dtype.size();
        }
    }

    /**
     * Reads a whole {@code .npy} file into memory.
     *
     * @param file the file
     * @return its array
     * @throws DatasetFormatException if the file is not a valid, supported {@code .npy} file, its length
     *                                does not match its header, or it has more elements than a Java array holds
     * @throws IOException            if it cannot be read
     */
    public static NpyArray read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            Header h = readHeader(ch, file);
            checkLength(h, ch.size(), file);
            long count = h.elementCount();
            if (count > MAX_ARRAY) {
                throw new DatasetFormatException(file + " holds " + count + " elements, more than one Java array "
                        + "can; read it in parts with Dataset");
            }
            Object data = h.dtype().newArray((int) count);
            FileIo.readElements(ch, file, h.dataOffset(), h.dtype(), data, 0, (int) count, FileIo.scratch());
            return NpyArray.of(data, h.shape);
        }
    }

    /**
     * Writes an array as a {@code .npy} file (version 1.0, little-endian, C order), byte-identical to
     * {@code numpy.save}. The file is written to a temporary sibling, synced and renamed, so readers never
     * see it half written.
     *
     * @param file  the destination, replaced if it exists
     * @param array the array
     * @throws IOException if it cannot be written
     */
    public static void write(Path file, NpyArray array) throws IOException {
        AtomicFiles.writeChannel(file, AtomicFiles.PUBLIC, ch -> {
            byte[] header = header(array.dtype(), array.shape());
            ch.write(ByteBuffer.wrap(header), 0);
            FileIo.writeElements(ch, header.length, array.dtype(), array.data(), 0, array.length(),
                    FileIo.scratch(), null);
        });
    }

    /**
     * Formats a header exactly as NumPy does for a little-endian C-ordered array.
     *
     * @param dtype the element type
     * @param shape the dimensions
     * @return magic, version, header length and padded dict; its length is a multiple of 64
     */
    public static byte[] header(DType dtype, long[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '").append(dtype.descr())
                .append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            dict.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        dict.append(shape.length == 1 ? ",), }" : "), }");
        if (shape.length > 0) {
            dict.append(" ".repeat(Math.max(0, GROWTH_DIGITS - Long.toString(shape[0]).length())));
        }
        int hlen = dict.length() + 1;
        int major = hlen + ALIGN - (10 + hlen) % ALIGN <= 0xFFFF ? 1 : 2; // as NumPy: 1.0 if it fits
        int prefix = major == 1 ? 10 : 12;
        int pad = ALIGN - (prefix + hlen) % ALIGN;
        ByteBuffer buf = ByteBuffer.allocate(prefix + hlen + pad).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            buf.putShort((short) (hlen + pad));
        } else {
            buf.putInt(hlen + pad);
        }
        buf.put(dict.toString().getBytes(StandardCharsets.US_ASCII));
        buf.put(" ".repeat(pad).getBytes(StandardCharsets.US_ASCII)).put((byte) '\n');
        return buf.array();
    }

    /**
     * Reads and checks the header at the start of a channel.
     *
     * @param ch   the open file
     * @param file its path, for messages
     * @return the header
     * @throws DatasetFormatException if the magic, version or header dict is invalid, the array is
     *                                Fortran-ordered, or its type is big-endian or unsupported
     * @throws IOException            if the file cannot be read
     */
    public static Header readHeader(FileChannel ch, Path file) throws IOException {
        ByteBuffer prefix = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        prefix.limit(10);
        readPrefix(ch, file, prefix, 0);
        byte[] magic = Arrays.copyOf(prefix.array(), MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new DatasetFormatException(file + " is not a .npy file: it starts with bytes "
                    + hexBytes(magic) + " instead of the magic \\x93NUMPY");
        }
        int major = prefix.get(6) & 0xFF;
        int minor = prefix.get(7) & 0xFF;
        long headerLength;
        int prefixLength;
        if (major == 1 && minor == 0) {
            headerLength = prefix.getShort(8) & 0xFFFF;
            prefixLength = 10;
        } else if ((major == 2 || major == 3) && minor == 0) {
            prefix.limit(12);
            readPrefix(ch, file, prefix, 10);
            headerLength = prefix.getInt(8) & 0xFFFFFFFFL;
            prefixLength = 12;
        } else {
            throw new DatasetFormatException(file + " has .npy format version " + major + "." + minor
                    + "; this library reads 1.0, 2.0 and 3.0");
        }
        if (headerLength > (1 << 24)) {
            throw new DatasetFormatException(file + " declares a .npy header of " + headerLength
                    + " bytes, which is not plausible: the file is corrupt");
        }
        ByteBuffer text = ByteBuffer.allocate((int) headerLength);
        readPrefix(ch, file, text, prefixLength);
        String header = new String(text.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parseHeader(header, prefixLength + (int) headerLength, major, file);
    }

    private static void readPrefix(FileChannel ch, Path file, ByteBuffer buf, long pos) throws IOException {
        try {
            FileIo.readFully(ch, file, buf, pos);
        } catch (DatasetFormatException e) {
            throw new DatasetFormatException(file + " is too short to be a .npy file (" + ch.size()
                    + " bytes): its header is cut off", e);
        }
    }

    /** Checks that a file is exactly as long as its header implies. */
    static void checkLength(Header h, long actual, Path file) throws DatasetFormatException {
        long expected = h.fileLength();
        if (actual < expected) {
            throw new DatasetFormatException(file + " is truncated: its header promises shape "
                    + Arrays.toString(h.shape) + " (" + expected + " bytes) but the file has " + actual + " bytes");
        }
        if (actual > expected) {
            throw new DatasetFormatException(file + " has " + (actual - expected) + " bytes beyond the data of "
                    + "shape " + Arrays.toString(h.shape) + " (" + expected + " bytes expected, " + actual + " found)");
        }
    }

    private static Header parseHeader(String text, int dataOffset, int major, Path file)
            throws DatasetFormatException {
        Object parsed;
        try {
            parsed = new DictParser(text).parseAll();
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(file + " has a malformed .npy header (" + e.getMessage() + "): "
                    + text.strip(), e);
        }
        if (!(parsed instanceof Map)) {
            throw new DatasetFormatException(file + " has a .npy header that is not a dict: " + text.strip());
        }
        Map<?, ?> dict = (Map<?, ?>) parsed;
        Object descr = dict.get("descr");
        Object fortran = dict.get("fortran_order");
        Object shape = dict.get("shape");
        if (!(descr instanceof String)) {
            throw new DatasetFormatException(file + " has a structured or missing 'descr' (" + descr
                    + "); only plain numeric arrays are supported");
        }
        if (!(fortran instanceof Boolean)) {
            throw new DatasetFormatException(file + " has no boolean 'fortran_order' in its header: " + text.strip());
        }
        if ((Boolean) fortran) {
            throw new DatasetFormatException(file + " is stored in Fortran order; save it in C order, "
                    + "e.g. np.save(path, np.ascontiguousarray(a))");
        }
        if (!(shape instanceof List)) {
            throw new DatasetFormatException(file + " has no tuple 'shape' in its header: " + text.strip());
        }
        List<?> dims = (List<?>) shape;
        long[] s = new long[dims.size()];
        for (int i = 0; i < s.length; i++) {
            if (!(dims.get(i) instanceof Long) || (Long) dims.get(i) < 0) {
                throw new DatasetFormatException(file + " has an invalid shape " + dims + " in its header");
            }
            s[i] = (Long) dims.get(i);
        }
        DType dtype;
        try {
            dtype = DType.ofDescr((String) descr);
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(file + ": " + e.getMessage(), e);
        }
        try {
            NpyArray.elementCount(s);
        } catch (IllegalArgumentException e) {
            throw new DatasetFormatException(file + ": " + e.getMessage(), e);
        }
        return new Header(dtype, s, dataOffset, major);
    }

    private static String hexBytes(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte b : bytes) {
            sb.append(String.format("%02x ", b & 0xFF));
        }
        return sb.toString().strip();
    }

    /**
     * Parses the Python literals that appear in {@code .npy} headers: dicts, tuples, lists, strings,
     * integers, {@code True}, {@code False} and {@code None}.
     */
    private static final class DictParser {
        private final String s;
        private int i;

        DictParser(String s) {
            this.s = s;
        }

        Object parseAll() {
            Object v = value();
            skipSpace();
            if (i != s.length()) {
                throw error("unexpected text after the dict");
            }
            return v;
        }

        private Object value() {
            skipSpace();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                Map<Object, Object> map = new LinkedHashMap<>();
                while (!peek('}')) {
                    Object key = value();
                    expect(':');
                    map.put(key, value());
                    if (!peek('}')) {
                        expect(',');
                    }
                }
                i++;
                return map;
            }
            if (c == '(' || c == '[') {
                char close = c == '(' ? ')' : ']';
                i++;
                List<Object> list = new ArrayList<>();
                while (!peek(close)) {
                    list.add(value());
                    if (!peek(close)) {
                        expect(',');
                    }
                }
                i++;
                return list;
            }
            if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    throw error("unterminated string");
                }
                String str = s.substring(i + 1, end);
                i = end + 1;
                return str;
            }
            if (Character.isDigit(c) || c == '-') {
                int start = i++;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                String digits = s.substring(start, i);
                if (i < s.length() && (s.charAt(i) == 'L' || s.charAt(i) == 'l')) {
                    i++; // Python 2 long suffix
                }
                try {
                    return Long.parseLong(digits);
                } catch (NumberFormatException e) {
                    throw error("bad integer '" + digits + "'");
                }
            }
            for (String word : new String[] {"True", "False", "None"}) {
                if (s.startsWith(word, i)) {
                    i += word.length();
                    return word.equals("None") ? null : Boolean.valueOf(word.equals("True"));
                }
            }
            throw error("unexpected character '" + c + "'");
        }

        private boolean peek(char c) {
            skipSpace();
            if (i >= s.length()) {
                throw error("unexpected end, expected '" + c + "'");
            }
            return s.charAt(i) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        private void skipSpace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at character " + i);
        }
    }
}
