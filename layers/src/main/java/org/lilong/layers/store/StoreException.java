package org.lilong.layers.store;

/** The store failed (I/O, database down); the change it was applying has been rolled back. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
