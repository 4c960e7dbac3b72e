package org.lilong.geodata.io.geojson;

import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lilong.geodata.io.SourceField;

/**
 * The property names of a GeoJSON file in the order they first appear, each with the JSON type its
 * values have: GeoJSON has no schema, so the fields are what the features hold. A property that is
 * sometimes an integer and sometimes not is a "number"; one of other mixed types is "mixed".
 */
final class FieldTypes {

    private final Map<String, String> types = new LinkedHashMap<>();

    /** Notes a value of the property, given by its first token. */
    void note(String name, JsonToken value) {
        String type = switch (value) {
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT -> "integer";
            case VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case START_OBJECT -> "object";
            case START_ARRAY -> "array";
            default -> null;
        };
        String known = types.get(name);
        if (known == null || known.equals("null")) {
            types.put(name, type == null ? "null" : type);
        } else if (type != null && !known.equals(type)) {
            types.put(name, known.equals("integer") && type.equals("number") ? "number" : "mixed");
        }
    }

    List<SourceField> fields() {
        List<SourceField> fields = new ArrayList<>();
        types.forEach((name, type) -> fields.add(new SourceField(name, type)));
        return fields;
    }
}
