package org.lilong.geodata.io.export;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * DBF field names for attribute names: at most 10 characters, unique without regard to case (DBF
 * readers compare them so). A name that fits is kept; a longer one is cut to 10 characters
 * ({@code signed_households → signed_hou}); a cut that clashes with an earlier field becomes the
 * first free {@code <prefix>_1}, {@code <prefix>_2}, ... The order of the names decides who keeps
 * the plain cut, so pass them in the layer's order and the result is the same every time; a
 * shapefile reader can call this with the same names to map fields back.
 */
public final class ShapefileFieldNames {

    public static final int MAX_LENGTH = 10;

    private ShapefileFieldNames() {
    }

    /** @return each name mapped to its field name, in the order given */
    public static Map<String, String> assign(List<String> names) {
        Map<String, String> fields = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String name : names) {
            String field = name.length() <= MAX_LENGTH ? name : name.substring(0, MAX_LENGTH);
            for (int n = 1; taken.contains(field.toLowerCase(Locale.ROOT)); n++) {
                String suffix = "_" + n;
                field = name.substring(0, Math.min(name.length(), MAX_LENGTH - suffix.length())) + suffix;
            }
            taken.add(field.toLowerCase(Locale.ROOT));
            fields.put(name, field);
        }
        return fields;
    }
}
