package org.lilong.layers.store;

/**
 * A change breaks the layer's schema (unknown layer or attribute, wrong value type, wrong geometry
 * type, id taken or missing). Thrown before anything is written, or after a rollback.
 */
public class InvalidChangeException extends RuntimeException {

    public InvalidChangeException(String message) {
        super(message);
    }
}
