package org.lilong.geodata.io;

/**
 * One record of a source cannot be read (a CSV row with bad coordinates, a shape of an unknown
 * type). Iteration can go on past it. The message is "record N: reason" (the CSV reader adds the
 * line); {@link #reason()} is the reason alone.
 */
public class RecordException extends FeatureSourceException {

    private final int recordNumber;
    private final String reason;

    public RecordException(int recordNumber, String reason) {
        this("record", recordNumber, reason);
    }

    /** @param label what the format calls a record, for the message: "row" for CSV */
    public RecordException(String label, int recordNumber, String reason) {
        super(label + " " + recordNumber + ": " + reason);
        this.recordNumber = recordNumber;
        this.reason = reason;
    }

    public int recordNumber() {
        return recordNumber;
    }

    public String reason() {
        return reason;
    }
}
