package org.lilong.geodata.io.shp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a dBase III .dbf attribute table record by record: C, N, F, L and D fields (others as trimmed
 * text), the deleted-record flag, and padding trimmed. Text (field names included, which Chinese
 * shapefiles often spell in GBK) is decoded with the charset given.
 */
final class DbfReader implements AutoCloseable {

    /** The dBase language driver id of GBK (code page 936), as ArcGIS and GDAL ("LDID/77") write it. */
    static final int LDID_GBK = 0x4D;
    /** ESRI's alternative id for the PRC GBK code page. */
    static final int LDID_GBK_ESRI = 0x7A;

    private final InputStream in;
    private final int recordCount;
    private final int recordLength;
    private final int languageDriver;
    private final List<DbfField> fields;
    private final Charset charset;
    private final byte[] record;
    private int read;

    /** Reads the header only; the charset is applied to field names and text values. */
    DbfReader(InputStream in, Charset charset) throws IOException {
        this.in = in;
        this.charset = charset;
        byte[] head = readFully(32);
        ByteBuffer header = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
        this.recordCount = header.getInt(4);
        int headerLength = header.getShort(8) & 0xFFFF;
        this.recordLength = header.getShort(10) & 0xFFFF;
        this.languageDriver = head[29] & 0xFF;
        if (recordCount < 0 || headerLength < 33 || recordLength < 1) {
            throw new IOException("not a dBase file (bad header)");
        }
        byte[] descriptors = readFully(headerLength - 32);
        List<DbfField> list = new ArrayList<>();
        int offset = 0;
        for (int at = 0; at + 32 <= descriptors.length && descriptors[at] != 0x0D; at += 32) {
            int nameLength = 0;
            while (nameLength < 11 && descriptors[at + nameLength] != 0) {
                nameLength++;
            }
            String name;
            try {
                name = decode(descriptors, at, nameLength).trim();
            } catch (IllegalArgumentException e) {
                throw new IOException("the .dbf's field names are not valid " + charset.name()
                        + " text; give the right encoding (e.g. GBK)");
            }
            char type = (char) (descriptors[at + 11] & 0xFF);
            int length = descriptors[at + 16] & 0xFF;
            int decimals = descriptors[at + 17] & 0xFF;
            list.add(new DbfField(name, type, length, decimals, offset));
            offset += length;
        }
        if (offset + 1 > recordLength) {
            throw new IOException("not a dBase file (fields longer than the record)");
        }
        this.fields = List.copyOf(list);
        this.record = new byte[recordLength];
    }

    /** The language driver id byte of the header, for a caller that has not chosen a charset yet. */
    static int languageDriver(InputStream in) throws IOException {
        byte[] head = in.readNBytes(32);
        return head.length == 32 ? head[29] & 0xFF : 0;
    }

    List<DbfField> fields() {
        return fields;
    }

    int recordCount() {
        return recordCount;
    }

    int languageDriver() {
        return languageDriver;
    }

    /**
     * The next record's values, by field name; null after the last record. A deleted record comes back
     * as {@link #DELETED}.
     *
     * @throws IllegalArgumentException for a value that does not read as its field's type, or text that
     *     is not valid in the charset; the record is consumed, so reading can go on
     * @throws IOException when the file itself is cut short
     */
    Map<String, Object> next() throws IOException {
        if (read >= recordCount) {
            return null;
        }
        int n = in.readNBytes(record, 0, recordLength);
        if (n == 0 || (n == 1 && record[0] == 0x1A)) {
            throw new EOFException("the .dbf ends after " + read + " of its " + recordCount + " records");
        }
        if (n < recordLength) {
            throw new EOFException("the .dbf's record " + (read + 1) + " is cut short");
        }
        read++;
        if (record[0] == '*') {
            return DELETED;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (DbfField field : fields) {
            values.put(field.name(), value(field, 1 + field.offset()));
        }
        return values;
    }

    /** Marks a record flagged deleted. */
    static final Map<String, Object> DELETED = Map.of();

    private Object value(DbfField field, int at) {
        int length = field.length();
        return switch (field.type()) {
            case 'C' -> {
                int end = at + length;
                while (end > at && (record[end - 1] == ' ' || record[end - 1] == 0)) {
                    end--;
                }
                yield end == at ? null : text(field, at, end - at);
            }
            case 'N', 'F' -> number(field, ascii(at, length));
            case 'L' -> switch (ascii(at, length)) {
                case "T", "t", "Y", "y" -> Boolean.TRUE;
                case "F", "f", "N", "n" -> Boolean.FALSE;
                default -> null; // '?' or blank: not set
            };
            case 'D' -> date(field, ascii(at, length));
            default -> {
                String text = text(field, at, length).trim();
                yield text.isEmpty() ? null : text;
            }
        };
    }

    private String ascii(int at, int length) {
        return new String(record, at, length, StandardCharsets.ISO_8859_1).replace('\0', ' ').trim();
    }

    private String text(DbfField field, int at, int length) {
        try {
            return decode(record, at, length);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field '" + field.name() + "' is not valid " + charset.name()
                    + " text; give the right encoding (e.g. GBK)");
        }
    }

    /** Strict decoding: wrong bytes are an error, not a silent U+FFFD. */
    private String decode(byte[] bytes, int at, int length) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, at, length)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Object number(DbfField field, String text) {
        if (text.isEmpty() || text.chars().allMatch(c -> c == '*' || c == '.') || text.equals("-")) {
            return null;
        }
        try {
            if (field.decimals() == 0 && text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
                return Long.valueOf(text.startsWith("+") ? text.substring(1) : text);
            }
            return Double.valueOf(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field '" + field.name() + "' (" + field.describe() + "): '" + text + "' is not a number");
        }
    }

    private static Object date(DbfField field, String text) {
        if (text.isEmpty() || text.chars().allMatch(c -> c == '0')) {
            return null;
        }
        if (text.length() != 8 || !text.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("field '" + field.name() + "' (D): '" + text + "' is not a yyyyMMdd date");
        }
        try {
            return LocalDate.of(Integer.parseInt(text.substring(0, 4)), Integer.parseInt(text.substring(4, 6)),
                    Integer.parseInt(text.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("field '" + field.name() + "' (D): '" + text + "' is not a date");
        }
    }

    private byte[] readFully(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new EOFException("not a dBase file (too short)");
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
