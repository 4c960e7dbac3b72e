package org.lilong.geodata.osm;

import com.google.protobuf.ByteString;
import crosby.binary.Fileformat;
import crosby.binary.Osmformat;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Writes small OSM PBF files for tests, by the format's specification: a header block, then one data
 * block with dense nodes and ways (delta-coded, zlib-compressed), granularity 100 nanodegrees.
 */
final class PbfFixtureWriter {

    private record Node(long id, double lon, double lat) {
    }

    private record Way(long id, long[] refs, Map<String, String> tags) {
    }

    private final List<Node> nodes = new ArrayList<>();
    private final List<Way> ways = new ArrayList<>();

    PbfFixtureWriter node(long id, double lon, double lat) {
        nodes.add(new Node(id, lon, lat));
        return this;
    }

    PbfFixtureWriter way(long id, Map<String, String> tags, long... refs) {
        ways.add(new Way(id, refs, tags));
        return this;
    }

    Path write(Path file) {
        Osmformat.HeaderBlock header = Osmformat.HeaderBlock.newBuilder()
                .addRequiredFeatures("OsmSchema-V0.6").addRequiredFeatures("DenseNodes").setWritingprogram("lilong tests").build();
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            block(out, "OSMHeader", header.toByteString());
            block(out, "OSMData", primitiveBlock().toByteString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private Osmformat.PrimitiveBlock primitiveBlock() {
        Map<String, Integer> strings = new LinkedHashMap<>();
        strings.put("", 0);
        Osmformat.DenseNodes.Builder dense = Osmformat.DenseNodes.newBuilder();
        long id = 0;
        long lat = 0;
        long lon = 0;
        for (Node node : nodes) {
            long nodeLat = Math.round(node.lat() * 1e7);
            long nodeLon = Math.round(node.lon() * 1e7);
            dense.addId(node.id() - id).addLat(nodeLat - lat).addLon(nodeLon - lon);
            id = node.id();
            lat = nodeLat;
            lon = nodeLon;
        }
        Osmformat.PrimitiveGroup.Builder wayGroup = Osmformat.PrimitiveGroup.newBuilder();
        for (Way way : ways) {
            Osmformat.Way.Builder builder = Osmformat.Way.newBuilder().setId(way.id());
            way.tags().forEach((k, v) -> builder.addKeys(string(strings, k)).addVals(string(strings, v)));
            long ref = 0;
            for (long r : way.refs()) {
                builder.addRefs(r - ref);
                ref = r;
            }
            wayGroup.addWays(builder);
        }
        Osmformat.StringTable.Builder table = Osmformat.StringTable.newBuilder();
        strings.keySet().forEach(s -> table.addS(ByteString.copyFromUtf8(s)));
        return Osmformat.PrimitiveBlock.newBuilder().setStringtable(table).setGranularity(100)
                .addPrimitivegroup(Osmformat.PrimitiveGroup.newBuilder().setDense(dense))
                .addPrimitivegroup(wayGroup).build();
    }

    private static int string(Map<String, Integer> strings, String s) {
        return strings.computeIfAbsent(s, k -> strings.size());
    }

    private static void block(DataOutputStream out, String type, ByteString data) throws IOException {
        Deflater deflater = new Deflater();
        deflater.setInput(data.toByteArray());
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        Fileformat.Blob blob = Fileformat.Blob.newBuilder().setRawSize(data.size())
                .setZlibData(ByteString.copyFrom(compressed.toByteArray())).build();
        Fileformat.BlobHeader header = Fileformat.BlobHeader.newBuilder().setType(type).setDatasize(blob.getSerializedSize()).build();
        out.writeInt(header.getSerializedSize());
        header.writeTo(out);
        blob.writeTo(out);
    }
}
