package org.lilong.geodata.io.export;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A dBASE III table (the .dbf of a shapefile), written one record at a time. Text fields are
 * written 254 bytes wide into a scratch file of bare records; {@link #finish} writes the real file
 * with each text field as wide as its longest value, so the table is neither truncated nor padded
 * to the maximum, and the record count in its header is right.
 *
 * <p>Types: C (text, in the given character set, cut at 254 bytes on a character boundary), N
 * (integers, 18 digits; reals would be N too but are F here), F (reals, 24 wide with 15 decimals,
 * fewer when the integer part needs the room), D (yyyyMMdd), L (T, F, or ? for null). Null is
 * blank, except in L.
 */
final class DbfWriter implements Closeable {

    /** One column: name (≤ 10 ASCII characters), type letter, width and decimals. */
    record Field(String name, char type, int width, int decimals) {
    }

    static final int TEXT_WIDTH = 254;
    static final int INTEGER_WIDTH = 18;
    static final int REAL_WIDTH = 24;
    static final int REAL_DECIMALS = 15;
    private static final int MAX_FIELDS = 255;
    private static final int MAX_RECORD = 65_535;

    private final Path target;
    private final Path scratch;
    private final List<Field> fields;
    private final Charset charset;
    private final byte languageDriver;
    private final CharsetEncoder encoder;
    private final OutputStream records;
    private final int[] longest;
    private final byte[] record;
    private int count;
    private int cutValues;
    private boolean closed;

    DbfWriter(Path target, List<Field> fields, Charset charset) throws IOException {
        if (fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("a DBF table holds at most " + MAX_FIELDS + " fields, not " + fields.size());
        }
        this.target = target;
        this.scratch = target.resolveSibling(target.getFileName() + ".records");
        this.fields = List.copyOf(fields);
        this.charset = charset;
        this.languageDriver = languageDriver(charset);
        this.encoder = charset.newEncoder();
        this.records = new BufferedOutputStream(Files.newOutputStream(scratch), 1 << 16);
        this.longest = new int[fields.size()];
        this.record = new byte[1 + fields.stream().mapToInt(Field::width).sum()];
    }

    /** The code page byte of the header; readers use the .cpg first, this when it is missing. */
    private static byte languageDriver(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        if (name.equals("GBK") || name.equals("GB2312") || name.equals("X-MS936") || name.equals("GB18030")) {
            return 0x4D; // code page 936, Chinese (PRC)
        }
        return 0; // none: the .cpg says UTF-8
    }

    /** Writes one record; {@code values} in field order, each typed as its field needs (or null). */
    void write(Object[] values) throws IOException {
        Arrays.fill(record, (byte) ' ');
        int offset = 1;
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            byte[] bytes = encode(field, values[i]);
            if (field.type() == 'C') {
                System.arraycopy(bytes, 0, record, offset, bytes.length);
                longest[i] = Math.max(longest[i], bytes.length);
            } else {
                // Numbers, dates and logicals are right-aligned.
                System.arraycopy(bytes, 0, record, offset + field.width() - bytes.length, bytes.length);
            }
            offset += field.width();
        }
        records.write(record);
        count++;
    }

    private byte[] encode(Field field, Object value) throws IOException {
        if (field.type() == 'L') {
            return new byte[] {(byte) (value == null ? '?' : Boolean.TRUE.equals(value) ? 'T' : 'F')};
        }
        if (value == null) {
            return new byte[0];
        }
        String text = switch (field.type()) {
            case 'C' -> null;
            case 'N' -> value instanceof Number n ? Long.toString(n.longValue()) : value.toString();
            case 'F' -> real(((Number) value).doubleValue(), field.width(), field.decimals());
            case 'D' -> ((LocalDate) value).toString().replace("-", "");
            default -> throw new IllegalStateException("field type " + field.type());
        };
        if (field.type() == 'C') {
            return text(field, value.toString());
        }
        if (text.length() > field.width()) {
            throw new IllegalArgumentException("value " + value + " does not fit the " + field.width()
                    + "-character field '" + field.name() + "'");
        }
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] text(Field field, String value) throws IOException {
        byte[] bytes;
        try {
            encoder.reset();
            ByteBuffer encoded = encoder.encode(CharBuffer.wrap(value));
            bytes = Arrays.copyOf(encoded.array(), encoded.limit());
        } catch (CharacterCodingException e) {
            throw new IOException("field '" + field.name() + "': '" + value + "' cannot be written in " + charset.name()
                    + " (UTF-8 can hold it)", e);
        }
        if (bytes.length <= field.width()) {
            return bytes;
        }
        cutValues++;
        // Cut whole characters (code points) until the encoding fits; no character is less than a byte.
        int end = Math.min(value.length(), field.width());
        if (end > 0 && Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        String cut = value.substring(0, end);
        bytes = cut.getBytes(charset);
        while (bytes.length > field.width()) {
            cut = cut.substring(0, cut.offsetByCodePoints(0, cut.codePointCount(0, cut.length()) - 1));
            bytes = cut.getBytes(charset);
        }
        return bytes;
    }

    /** A real in at most {@code width} characters: {@code decimals} decimals when they fit, fewer otherwise. */
    static String real(double value, int width, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        BigDecimal exact = BigDecimal.valueOf(value);
        int integerDigits = exact.setScale(0, RoundingMode.HALF_EVEN).toPlainString().length();
        int scale = Math.min(decimals, width - integerDigits - 1);
        if (scale >= 0) {
            String text = exact.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
            if (text.length() <= width) {
                return text;
            }
        }
        return String.format(Locale.ROOT, "%." + Math.max(0, width - 8) + "E", value);
    }

    /** Values of text fields cut to fit 254 bytes. */
    int cutValues() {
        return cutValues;
    }

    int records() {
        return count;
    }

    /** Writes the .dbf: header, records with text fields narrowed to their longest value, end mark. */
    void finish() throws IOException {
        close();
        List<Field> narrowed = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            narrowed.add(field.type() == 'C' ? new Field(field.name(), 'C', Math.max(1, longest[i]), 0) : field);
        }
        int recordLength = 1 + narrowed.stream().mapToInt(Field::width).sum();
        if (recordLength > MAX_RECORD) {
            throw new IOException("a DBF record may be " + MAX_RECORD + " bytes at most; this one needs " + recordLength);
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(scratch), 1 << 16);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
            out.write(header(narrowed, recordLength));
            byte[] wide = new byte[record.length];
            byte[] narrow = new byte[recordLength];
            for (int r = 0; r < count; r++) {
                if (in.readNBytes(wide, 0, wide.length) != wide.length) {
                    throw new EOFException("the scratch records of " + target + " end early");
                }
                narrow[0] = wide[0];
                int from = 1;
                int to = 1;
                for (int i = 0; i < fields.size(); i++) {
                    System.arraycopy(wide, from, narrow, to, narrowed.get(i).width());
                    from += fields.get(i).width();
                    to += narrowed.get(i).width();
                }
                out.write(narrow);
            }
            out.write(0x1A);
        }
        Files.deleteIfExists(scratch);
    }

    private byte[] header(List<Field> columns, int recordLength) {
        int headerLength = 32 + 32 * columns.size() + 1;
        ByteBuffer header = ByteBuffer.allocate(headerLength).order(ByteOrder.LITTLE_ENDIAN);
        LocalDate today = LocalDate.now();
        header.put((byte) 0x03)
                .put((byte) (today.getYear() - 1900)).put((byte) today.getMonthValue()).put((byte) today.getDayOfMonth())
                .putInt(count)
                .putShort((short) headerLength)
                .putShort((short) recordLength);
        header.put(29, languageDriver);
        header.position(32);
        for (Field column : columns) {
            byte[] name = Arrays.copyOf(column.name().getBytes(StandardCharsets.US_ASCII), 11);
            header.put(name).put((byte) column.type()).putInt(0)
                    .put((byte) column.width()).put((byte) column.decimals())
                    .put(new byte[14]);
        }
        header.put((byte) 0x0D);
        return header.array();
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            records.close();
        }
    }
}
