package org.lilong.geodata.io.geojson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.io.StringWriter;

/**
 * The streaming parser factory of the GeoJSON reader, and JSON values as text. Reading needs no
 * more than jackson-core: databind's ObjectMapper alone took a seventh of a second to start, on
 * every import.
 */
final class JsonText {

    /** Parses doubles with FastDoubleParser, which rounds exactly as Double.parseDouble but several times faster. */
    static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();

    private JsonText() {
    }

    /** The value the parser stands on as compact JSON, read through its end. */
    static String of(JsonParser parser) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            generator.copyCurrentStructure(parser);
        }
        return text.toString();
    }
}
