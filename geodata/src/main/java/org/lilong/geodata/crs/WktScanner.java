package org.lilong.geodata.crs;

import java.util.Locale;
import java.util.Optional;

/**
 * Just enough of a WKT reader to find the name and the authority code of the outermost CRS node:
 * {@code PROJCS["name", ..., AUTHORITY["EPSG","4549"]]} (WKT 1) or
 * {@code PROJCRS["name", ..., ID["EPSG",4549]]} (WKT 2). Nested nodes (the datum's, the
 * ellipsoid's, the base CRS's) carry authorities too, so only depth-1 children count.
 */
final class WktScanner {

    private WktScanner() {
    }

    /** The first quoted string inside the outermost node. */
    static Optional<String> topLevelName(String wkt) {
        int open = firstOpen(wkt);
        if (open < 0) {
            return Optional.empty();
        }
        int i = skipSpace(wkt, open + 1);
        if (i < wkt.length() && wkt.charAt(i) == '"') {
            int end = closingQuote(wkt, i);
            return Optional.of(wkt.substring(i + 1, end).replace("\"\"", "\""));
        }
        return Optional.empty();
    }

    /** "EPSG:nnnn" from an AUTHORITY or ID node that is a direct child of the outermost node. */
    static Optional<String> topLevelAuthority(String wkt) {
        int open = firstOpen(wkt);
        if (open < 0) {
            return Optional.empty();
        }
        int depth = 1;
        int keywordStart = -1;
        for (int i = open + 1; i < wkt.length() && depth > 0; i++) {
            char c = wkt.charAt(i);
            if (c == '"') {
                i = closingQuote(wkt, i);
                keywordStart = -1;
            } else if (c == '[' || c == '(') {
                if (depth == 1 && keywordStart >= 0) {
                    String keyword = wkt.substring(keywordStart, i).trim().toUpperCase(Locale.ROOT);
                    if (keyword.equals("AUTHORITY") || keyword.equals("ID")) {
                        Optional<String> code = authorityCode(wkt, i + 1);
                        if (code.isPresent()) {
                            return code;
                        }
                    }
                }
                depth++;
                keywordStart = -1;
            } else if (c == ']' || c == ')') {
                depth--;
                keywordStart = -1;
            } else if (c == ',') {
                keywordStart = -1;
            } else if (Character.isLetter(c) && keywordStart < 0) {
                keywordStart = i;
            }
        }
        return Optional.empty();
    }

    /** Reads {@code "EPSG","4549"} or {@code "EPSG",4549} starting just after the bracket. */
    private static Optional<String> authorityCode(String wkt, int from) {
        int i = skipSpace(wkt, from);
        if (i >= wkt.length() || wkt.charAt(i) != '"') {
            return Optional.empty();
        }
        int end = closingQuote(wkt, i);
        String authority = wkt.substring(i + 1, end);
        i = skipSpace(wkt, end + 1);
        if (i >= wkt.length() || wkt.charAt(i) != ',') {
            return Optional.empty();
        }
        i = skipSpace(wkt, i + 1);
        StringBuilder code = new StringBuilder();
        boolean quoted = i < wkt.length() && wkt.charAt(i) == '"';
        if (quoted) {
            i++;
        }
        while (i < wkt.length() && Character.isDigit(wkt.charAt(i))) {
            code.append(wkt.charAt(i++));
        }
        if (!authority.equalsIgnoreCase("EPSG") || code.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("EPSG:" + code);
    }

    private static int firstOpen(String wkt) {
        for (int i = 0; i < wkt.length(); i++) {
            char c = wkt.charAt(i);
            if (c == '[' || c == '(') {
                return i;
            }
        }
        return -1;
    }

    private static int closingQuote(String wkt, int open) {
        int i = open + 1;
        while (i < wkt.length()) {
            if (wkt.charAt(i) == '"') {
                if (i + 1 < wkt.length() && wkt.charAt(i + 1) == '"') {
                    i += 2; // WKT escapes a quote by doubling it
                    continue;
                }
                return i;
            }
            i++;
        }
        return wkt.length() - 1;
    }

    private static int skipSpace(String wkt, int i) {
        while (i < wkt.length() && Character.isWhitespace(wkt.charAt(i))) {
            i++;
        }
        return i;
    }
}
