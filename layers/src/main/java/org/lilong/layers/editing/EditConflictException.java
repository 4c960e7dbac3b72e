package org.lilong.layers.editing;

/** The change cannot apply to the feature's current state (e.g. restoring a feature that exists); nothing was written. */
public final class EditConflictException extends RuntimeException {

    public EditConflictException(String message) {
        super(message);
    }
}
