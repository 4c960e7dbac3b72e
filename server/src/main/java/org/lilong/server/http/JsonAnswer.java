package org.lilong.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Answers with a JSON body written by the caller. The whole body is written before answering, so
 * that a failure part-way is still a clean 500. Names come from the data: {@code < > & '} are escaped
 * ({@link HtmlSafeEscapes}), so a body read as HTML by mistake holds no markup.
 */
final class JsonAnswer {

    @FunctionalInterface
    interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    private final JsonFactory json;

    JsonAnswer(JsonFactory json) {
        this.json = json;
    }

    void send(Context ctx, String contentType, Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
        try (JsonGenerator out = json.createGenerator(bytes)) {
            out.setCharacterEscapes(HtmlSafeEscapes.INSTANCE);
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType(contentType).result(bytes.toByteArray());
    }
}
