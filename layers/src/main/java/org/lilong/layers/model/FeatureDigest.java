package org.lilong.layers.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * A fingerprint of a feature's whole content (id, geometry as WKB, every attribute), used as its
 * HTTP entity tag: two states have the same tag exactly when they are the same feature, so a client
 * holding a tag can ask "change it only if it is still what I saw" (If-Match), whatever server or
 * store it talks to. SHA-256, cut to 128 bits: collisions are not a concern at that length.
 */
public final class FeatureDigest {

    private FeatureDigest() {
    }

    public static String of(Feature feature) {
        MessageDigest digest = sha256();
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(feature.id()).array());
        digest.update(new WKBWriter(2, ByteOrderValues.BIG_ENDIAN).write(feature.geometry()));
        for (Map.Entry<String, Object> property : new TreeMap<>(feature.properties()).entrySet()) {
            if (property.getValue() == null) {
                continue;
            }
            digest.update((property.getKey() + '\u0000' + property.getValue().getClass().getSimpleName() + '\u0000'
                    + property.getValue() + '\u0000').getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
