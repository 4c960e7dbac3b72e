package org.lilong.geodata.io.geojson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lilong.geodata.io.RecordException;
import org.lilong.geodata.io.SourceRecord;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The members of one GeoJSON Feature, read straight from the token stream in whatever order they
 * come: the properties, as Java values, and the geometry. A geometry that cannot be built is kept as
 * a problem, so that the rest of the feature is still read and the parser stays in step.
 */
final class FeatureMembers {

    /** Geometries without an SRID; {@link GeoJsonSource} gives them the declared CRS's. */
    private static final GeoJsonGeometries GEOMETRIES = new GeoJsonGeometries(new GeometryFactory());

    private final FieldTypes types;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private Geometry geometry;
    private String problem;

    /** @param types notes the type of each property read, or null */
    FeatureMembers(FieldTypes types) {
        this.types = types;
    }

    /**
     * Reads the feature object the parser stands on, through its end.
     *
     * @throws RecordException for a feature whose geometry cannot be read (the parser is at its end)
     */
    static SourceRecord read(int number, JsonParser parser, FieldTypes types) throws IOException {
        FeatureMembers feature = new FeatureMembers(types);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            feature.member(name, parser);
        }
        return feature.record(number);
    }

    /** Reads the value of the member named, which the parser stands on: properties and geometry are kept, the rest skipped. */
    void member(String name, JsonParser parser) throws IOException {
        if (name.equals("properties") && parser.currentToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String property = parser.currentName();
                JsonToken token = parser.nextToken();
                if (types != null) {
                    types.note(property, token);
                }
                values.put(property, value(parser));
            }
        } else if (name.equals("geometry")) {
            try {
                geometry = GEOMETRIES.read(parser);
            } catch (IllegalArgumentException e) {
                problem = e.getMessage();
            } catch (RuntimeException e) { // JTS refusing a ring and the like
                problem = "unreadable geometry: " + e.getMessage();
            }
        } else {
            parser.skipChildren();
        }
    }

    /** @throws RecordException when the geometry could not be read */
    SourceRecord record(int number) {
        if (problem != null) {
            throw new RecordException(number, problem);
        }
        return new SourceRecord(number, geometry, values);
    }

    /** The value the parser stands on: text, Boolean, Long, Double, null, or an object or array as its JSON text. */
    private static Object value(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING -> parser.getText();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getDoubleValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case START_OBJECT, START_ARRAY -> JsonText.of(parser);
            default -> null;
        };
    }
}
