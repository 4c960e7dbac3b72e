package org.lilong.geodata.io.copy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lilong.geodata.io.export.AttributeText;
import org.lilong.layers.model.AttributeDefinition;
import org.lilong.layers.model.Feature;
import org.lilong.layers.model.LayerDefinition;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * A SHA-256 over a layer's content that two stores agree on exactly when they hold the same
 * features: features in id order; for each, the id (8 bytes, big-endian), the geometry as 2D
 * big-endian WKB, and for every attribute of the layer, in the layer's order, its name and either a
 * null mark or its {@link AttributeText} form (every variable-length part is length-prefixed, so no
 * two contents hash the same input). Independent of the store: GeoPackage and PostGIS both hand
 * back the doubles they were given.
 */
public final class LayerChecksum {

    private LayerChecksum() {
    }

    /** The lowercase hex SHA-256 of the features (in any order; they are sorted by id here). */
    public static String of(LayerDefinition layer, List<Feature> features) {
        MessageDigest digest = sha256();
        WKBWriter wkb = new WKBWriter(2, ByteOrderValues.BIG_ENDIAN);
        List<Feature> sorted = new ArrayList<>(features);
        sorted.sort(Comparator.comparingLong(Feature::id));
        ByteBuffer number = ByteBuffer.allocate(8);
        for (Feature feature : sorted) {
            digest.update(number.clear().putLong(feature.id()).array());
            chunk(digest, wkb.write(feature.geometry()));
            for (AttributeDefinition attribute : layer.attributes()) {
                chunk(digest, attribute.name().getBytes(StandardCharsets.UTF_8));
                String text = AttributeText.format(feature.get(attribute.name()));
                if (text == null) {
                    digest.update((byte) 0);
                } else {
                    digest.update((byte) 1);
                    chunk(digest, text.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The lowercase hex SHA-256 of key/value metadata, in key order. */
    public static String ofMetadata(Map<String, String> metadata) {
        MessageDigest digest = sha256();
        for (Map.Entry<String, String> entry : new TreeMap<>(metadata).entrySet()) {
            chunk(digest, entry.getKey().getBytes(StandardCharsets.UTF_8));
            chunk(digest, entry.getValue().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void chunk(MessageDigest digest, byte[] bytes) {
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
