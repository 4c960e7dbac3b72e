package org.lilong.layers.store.postgis;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One {@code COPY table (fid, geom, ...) FROM STDIN} of a layer's rows, in PostgreSQL's text format:
 * a line per row, columns separated by tabs, {@code \N} for NULL. The geometry goes as hex EWKB with
 * SRID 4326, the form PostGIS prints and parses itself; text is escaped as the format requires
 * (backslash, newline, carriage return, tab); dates are ISO, booleans t/f. Rows are buffered and
 * sent in 64 KiB messages, which the server parses while the next ones are encoded.
 *
 * <p>COPY runs in the caller's transaction and fires the table's triggers and constraints like an
 * INSERT would, but checks nothing Lilong checks itself: callers refuse taken ids beforehand.
 */
final class CopyStream {

    private static final int FLUSH_BYTES = 1 << 16;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'\\', 'N'};
    /** The EWKB flag, in a WKB type code, that an SRID follows. */
    private static final int EWKB_SRID_FLAG = 0x20000000;

    private final PostgisTable table;
    private final CopyIn copy;
    private final WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
    private byte[] buffer = new byte[FLUSH_BYTES + 4096];
    private int length;

    private CopyStream(PostgisTable table, CopyIn copy) {
        this.table = table;
        this.copy = copy;
    }

    /** Starts the COPY on the connection, which can carry nothing else until {@link #finish} or {@link #cancel}. */
    static CopyStream start(Connection connection, PostgisTable table) throws SQLException {
        return new CopyStream(table, connection.unwrap(PGConnection.class).getCopyAPI().copyIn(table.copySql()));
    }

    PostgisTable table() {
        return table;
    }

    /** Queues a feature whose values the ChangeValidator has coerced to their attribute types. */
    void write(Feature feature) throws SQLException {
        ascii(Long.toString(feature.id()));
        tab();
        ewkbHex(wkb.write(feature.geometry()));
        for (AttributeDefinition attribute : table.layer().attributes()) {
            tab();
            value(feature.get(attribute.name()));
        }
        put((byte) '\n');
        if (length >= FLUSH_BYTES) {
            flush();
        }
    }

    /** Sends what is queued and ends the COPY; the server's refusal of any row surfaces here at the latest. */
    void finish() throws SQLException {
        flush();
        copy.endCopy();
    }

    /** Abandons a COPY still in progress (after a failure), so the connection can roll back. */
    void cancel() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void flush() throws SQLException {
        if (length > 0) {
            copy.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }

    private void value(Object value) {
        if (value == null) {
            put(NULL);
        } else if (value instanceof String text) {
            text(text);
        } else if (value instanceof LocalDate date) {
            ascii(date(date));
        } else if (value instanceof Boolean bool) {
            put((byte) (bool ? 't' : 'f'));
        } else {
            ascii(value.toString()); // Long, and Double, whose toString PostgreSQL reads back to the same double
        }
    }

    /** ISO 8601 (yyyy-MM-dd) as PostgreSQL reads it; years outside 1..9999 as it writes them (BC for year 0 and before). */
    private static String date(LocalDate date) {
        int year = date.getYear();
        if (year >= 1 && year <= 9999) {
            return date.toString();
        }
        return String.format("%04d-%02d-%02d%s", year >= 1 ? year : 1 - year, date.getMonthValue(), date.getDayOfMonth(),
                year >= 1 ? "" : " BC");
    }

    /** Text with the four characters the text format gives a meaning escaped. */
    private void text(String text) {
        StringBuilder escaped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = switch (c) {
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> null;
            };
            if (escape != null && escaped == null) {
                escaped = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (escaped != null) {
                if (escape != null) {
                    escaped.append(escape);
                } else {
                    escaped.append(c);
                }
            }
        }
        put((escaped == null ? text : escaped.toString()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The WKB as EWKB: the byte order, the type code with the SRID flag, SRID 4326, then the rest.
     * Only the outermost geometry carries the SRID; the WKB writer writes little-endian.
     */
    private void ewkbHex(byte[] wkb) {
        int type = (wkb[1] & 0xff) | (wkb[2] & 0xff) << 8 | (wkb[3] & 0xff) << 16 | (wkb[4] & 0xff) << 24;
        hex(wkb[0]);
        hexLittleEndian(type | EWKB_SRID_FLAG);
        hexLittleEndian(PostgisTable.WGS84);
        for (int i = 5; i < wkb.length; i++) {
            hex(wkb[i]);
        }
    }

    private void hexLittleEndian(int value) {
        for (int shift = 0; shift < 32; shift += 8) {
            hex((byte) (value >>> shift));
        }
    }

    private void hex(byte b) {
        ensure(2);
        buffer[length++] = HEX[(b >> 4) & 0x0f];
        buffer[length++] = HEX[b & 0x0f];
    }

    private void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
    }

    private void tab() {
        put((byte) '\t');
    }

    private void put(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
