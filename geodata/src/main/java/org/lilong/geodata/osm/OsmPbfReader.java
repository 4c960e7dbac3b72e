package org.lilong.geodata.osm;

import com.google.protobuf.InvalidProtocolBufferException;
import crosby.binary.BinaryParser;
import crosby.binary.Fileformat;
import crosby.binary.Osmformat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.lilong.geodata.io.FeatureSourceException;

/**
 * Reads OSM PBF ({@code .osm.pbf}): nodes (plain and dense) and ways; relations are skipped. The
 * blocks are decoded by {@code osmpbf}'s protobuf classes and {@link BinaryParser} (string tables,
 * coordinate granularity), but the file framing is read here rather than by osmpbf's
 * {@code BlockInputStream}, which takes a file that ends inside a block for a complete one and
 * turns a corrupt block into an {@link Error}. Here either is an {@link OsmFormatException} naming
 * the block and its byte offset.
 *
 * <p>Blobs may be raw or zlib-compressed (what osmium, osmosis and planet files use); LZMA, LZ4 and
 * Zstandard blobs are refused by name. Limits follow the format's specification: a blob header of
 * at most 64 KiB, a blob of at most 32 MiB.
 */
final class OsmPbfReader {

    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_BLOB_BYTES = 32 * 1024 * 1024;
    private static final Set<String> SUPPORTED_FEATURES = Set.of("OsmSchema-V0.6", "DenseNodes");

    private final Path file;
    private final Blocks blocks;
    private long offset;
    private int blockNumber;

    private OsmPbfReader(Path file, OsmHandler handler) {
        this.file = file;
        this.blocks = new Blocks(handler);
    }

    static void read(Path file, OsmHandler handler) {
        new OsmPbfReader(file, handler).read();
    }

    private void read() {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            while (true) {
                byte[] length = in.readNBytes(4);
                if (length.length == 0) {
                    if (blockNumber == 0) {
                        throw problem("the file is empty");
                    }
                    return;
                }
                blockNumber++;
                if (length.length < 4) {
                    throw problem("the file ends inside the block's length (truncated?)");
                }
                int headerSize = ((length[0] & 0xFF) << 24) | ((length[1] & 0xFF) << 16) | ((length[2] & 0xFF) << 8) | (length[3] & 0xFF);
                if (headerSize <= 0 || headerSize > MAX_HEADER_BYTES) {
                    throw problem("a blob header of " + Integer.toUnsignedString(headerSize) + " bytes is not between 1 and "
                            + MAX_HEADER_BYTES + (blockNumber == 1 ? "; is this an OSM PBF file?" : ""));
                }
                Fileformat.BlobHeader header = Fileformat.BlobHeader.parseFrom(bytes(in, headerSize, "blob header"));
                if (header.getDatasize() < 0 || header.getDatasize() > MAX_BLOB_BYTES) {
                    throw problem("a blob of " + header.getDatasize() + " bytes is not between 0 and " + MAX_BLOB_BYTES);
                }
                Fileformat.Blob blob = Fileformat.Blob.parseFrom(bytes(in, header.getDatasize(), "blob"));
                block(header.getType(), data(blob));
                offset += 4 + headerSize + header.getDatasize();
            }
        } catch (InvalidProtocolBufferException e) {
            throw problem("corrupt block: " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new FeatureSourceException(file, "no such file");
        } catch (IOException e) {
            throw new FeatureSourceException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private byte[] bytes(InputStream in, int count, String what) throws IOException {
        byte[] bytes = in.readNBytes(count);
        if (bytes.length < count) {
            throw problem("the file ends inside the " + what + " (" + bytes.length + " of " + count + " bytes; truncated?)");
        }
        return bytes;
    }

    private byte[] data(Fileformat.Blob blob) throws InvalidProtocolBufferException {
        switch (blob.getDataCase()) {
            case RAW:
                return blob.getRaw().toByteArray();
            case ZLIB_DATA:
                return inflate(blob);
            case DATA_NOT_SET:
                return new byte[0];
            default:
                throw problem("blobs compressed with " + blob.getDataCase().name().toLowerCase(java.util.Locale.ROOT).replace("_data", "")
                        + " are not supported (only raw and zlib); recompress with osmium cat --output-format pbf,pbf_compression=zlib");
        }
    }

    private byte[] inflate(Fileformat.Blob blob) {
        if (blob.getRawSize() < 0 || blob.getRawSize() > MAX_BLOB_BYTES) {
            throw problem("an uncompressed size of " + blob.getRawSize() + " bytes is not between 0 and " + MAX_BLOB_BYTES);
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(blob.getZlibData().asReadOnlyByteBuffer());
            byte[] data = new byte[blob.getRawSize()];
            int filled = 0;
            while (filled < data.length && !inflater.finished()) {
                int n = inflater.inflate(data, filled, data.length - filled);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                filled += n;
            }
            if (filled != data.length) {
                throw problem("the zlib data inflates to " + filled + " bytes, not the " + data.length + " the block declares");
            }
            return data;
        } catch (DataFormatException e) {
            throw problem("corrupt zlib data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private void block(String type, byte[] data) throws InvalidProtocolBufferException {
        if (type.equals("OSMHeader")) {
            Osmformat.HeaderBlock header = Osmformat.HeaderBlock.parseFrom(data);
            for (String feature : header.getRequiredFeaturesList()) {
                if (!SUPPORTED_FEATURES.contains(feature)) {
                    throw problem("the file requires the feature \"" + feature + "\", which this reader does not support");
                }
            }
        } else if (type.equals("OSMData")) {
            blocks.parse(Osmformat.PrimitiveBlock.parseFrom(data));
        }
        // Other block types are allowed by the format and are to be skipped.
    }

    private OsmFormatException problem(String reason) {
        return new OsmFormatException(file, position(), reason);
    }

    private OsmFormatException problem(String reason, Throwable cause) {
        return new OsmFormatException(file, position(), reason, cause);
    }

    private String position() {
        return "block " + blockNumber + " at byte " + offset;
    }

    /** Decodes primitive blocks: the coordinate and string-table arithmetic is BinaryParser's. */
    private final class Blocks extends BinaryParser {
        private final OsmHandler handler;

        Blocks(OsmHandler handler) {
            this.handler = handler;
        }

        @Override
        protected void parseDense(Osmformat.DenseNodes dense) {
            if (dense.getLatCount() != dense.getIdCount() || dense.getLonCount() != dense.getIdCount()) {
                throw problem("dense nodes with " + dense.getIdCount() + " ids but " + dense.getLatCount() + " latitudes and "
                        + dense.getLonCount() + " longitudes");
            }
            long id = 0;
            long lat = 0;
            long lon = 0;
            for (int i = 0; i < dense.getIdCount(); i++) {
                // Ids and coordinates are delta-coded; node tags are not needed and not decoded.
                id += dense.getId(i);
                lat += dense.getLat(i);
                lon += dense.getLon(i);
                node(id, parseLon(lon), parseLat(lat));
            }
        }

        @Override
        protected void parseNodes(List<Osmformat.Node> nodes) {
            for (Osmformat.Node node : nodes) {
                node(node.getId(), parseLon(node.getLon()), parseLat(node.getLat()));
            }
        }

        private void node(long id, double lon, double lat) {
            if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) {
                throw problem("node " + id + " lies at (" + lon + ", " + lat + "), outside longitude -180..180 / latitude -90..90");
            }
            handler.node(id, lon, lat);
        }

        @Override
        protected void parseWays(List<Osmformat.Way> ways) {
            for (Osmformat.Way way : ways) {
                if (way.getKeysCount() != way.getValsCount()) {
                    throw problem("way " + way.getId() + " has " + way.getKeysCount() + " tag keys but " + way.getValsCount() + " values");
                }
                Map<String, String> tags = new HashMap<>();
                for (int i = 0; i < way.getKeysCount(); i++) {
                    tags.put(string(way.getKeys(i)), string(way.getVals(i)));
                }
                long[] refs = new long[way.getRefsCount()];
                long ref = 0;
                for (int i = 0; i < refs.length; i++) {
                    ref += way.getRefs(i);
                    refs[i] = ref;
                }
                handler.way(way.getId(), refs, tags);
            }
        }

        private String string(int index) {
            try {
                return getStringById(index);
            } catch (ArrayIndexOutOfBoundsException e) {
                throw problem("string " + index + " is not in the block's string table");
            }
        }

        @Override
        protected void parseRelations(List<Osmformat.Relation> relations) {
            // Walkable streets are ways; route relations add nothing a walker needs.
        }

        @Override
        protected void parse(Osmformat.HeaderBlock header) {
            // The header is read (and its required features checked) by the enclosing reader.
        }

        @Override
        public void complete() {
        }
    }
}
