package org.lilong.layers.editing;

/** The account may not make this change (its role, or a sub-district outside its scope); nothing was written. */
public final class EditForbiddenException extends RuntimeException {

    public EditForbiddenException(String message) {
        super(message);
    }
}
