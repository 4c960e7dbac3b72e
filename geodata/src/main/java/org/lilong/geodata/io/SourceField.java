package org.lilong.geodata.io;

import java.util.Objects;

/**
 * One attribute field of a source.
 *
 * @param name the field's name as the source spells it
 * @param type the source's own type, for messages ("C(80)", "N(10,0)", "INTEGER", "text")
 */
public record SourceField(String name, String type) {

    public SourceField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
