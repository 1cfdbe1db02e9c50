package org.jixiao.store;

import java.util.Arrays;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id through Spring Security's encoder: a salted PHC string that carries its own cost
 * parameters (so they can be raised later without breaking old hashes), compared in constant time.
 */
final class PasswordHashing {

    /** Shortest password accepted: short ones fall to guessing whatever the hash. */
    static final int MIN_LENGTH = 8;

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    String hash(char[] password) {
        try {
            return encoder.encode(java.nio.CharBuffer.wrap(password));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    boolean matches(char[] password, String hash) {
        try {
            return encoder.matches(java.nio.CharBuffer.wrap(password), hash);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
