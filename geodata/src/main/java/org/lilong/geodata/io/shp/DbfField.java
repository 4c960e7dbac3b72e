package org.lilong.geodata.io.shp;

/**
 * One field descriptor of a .dbf header.
 *
 * @param type the dBase type letter: C (character), N (numeric), F (float), L (logical), D (date), or another
 * @param offset the field's position within a record, after the deletion flag
 */
record DbfField(String name, char type, int length, int decimals, int offset) {

    String describe() {
        return switch (type) {
            case 'N', 'F' -> type + "(" + length + "," + decimals + ")";
            case 'C' -> "C(" + length + ")";
            default -> String.valueOf(type);
        };
    }
}
