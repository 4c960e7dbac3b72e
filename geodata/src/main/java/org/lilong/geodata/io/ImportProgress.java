package org.lilong.geodata.io;

import java.util.OptionalLong;

/** Told how far an import has read, every few hundred records and at the end; a CLI draws a bar with it. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (read, total) -> { };

    /**
     * @param read records read so far
     * @param total the source's record count, when it knows it
     */
    void recordsRead(long read, OptionalLong total);
}
