package org.lilong.geodata.io;

import java.nio.file.Path;

/** A source file cannot be read: missing, not the format its name says, corrupt. The message names the file. */
public class FeatureSourceException extends RuntimeException {

    public FeatureSourceException(Path file, String reason) {
        super(file.getFileName() + ": " + reason);
    }

    public FeatureSourceException(Path file, String reason, Throwable cause) {
        super(file.getFileName() + ": " + reason, cause);
    }

    protected FeatureSourceException(String message) {
        super(message);
    }
}
