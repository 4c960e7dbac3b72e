package org.lilong.geodata.io;

import org.lilong.layers.store.ChangeSet;

/**
 * A validated import, ready to apply.
 *
 * @param changes one insert per feature, each with id 0 so the store gives it the next free id
 */
public record ImportResult(ChangeSet changes, ImportReport report) {
}
