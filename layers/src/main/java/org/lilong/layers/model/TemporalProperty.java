package org.lilong.layers.model;

/**
 * Which date attributes give a feature its time span, for the OGC {@code datetime} filter.
 * A feature with no end date is open-ended (still running, or an instant when {@code end} is null).
 *
 * @param start attribute holding the first day
 * @param end attribute holding the last day, or null when the layer has instants only
 */
public record TemporalProperty(String start, String end) {
}
