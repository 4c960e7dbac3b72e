package org.lilong.geodata.osm;

import java.nio.file.Path;
import org.lilong.geodata.io.FeatureSourceException;

/**
 * An OSM file that cannot be read: malformed, truncated, or holding something the readers do not
 * support. The message names the file and the position (line and column for XML, block and byte
 * offset for PBF), so that the one line a command prints is enough to find the problem.
 */
public class OsmFormatException extends FeatureSourceException {

    private final String position;

    public OsmFormatException(Path file, String position, String reason) {
        super(file, position + ": " + reason);
        this.position = position;
    }

    public OsmFormatException(Path file, String position, String reason, Throwable cause) {
        super(file, position + ": " + reason, cause);
        this.position = position;
    }

    /** Where in the file: "line 12, column 40" or "block 3 at byte 1234". */
    public String position() {
        return position;
    }
}
