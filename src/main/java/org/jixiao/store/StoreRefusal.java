package org.jixiao.store;

/** A write the store refuses, with the Chinese reason the user is shown (a role, a move, a missing opinion). */
public final class StoreRefusal extends RuntimeException {

    public StoreRefusal(String message) {
        super(message);
    }
}
