package org.jixiao.model;

import java.time.Instant;

/**
 * A local user of the service (the password hash never leaves the store).
 *
 * @param name      the login name
 * @param role      what the user may do
 * @param createdAt when the account was made
 */
public record UserAccount(String name, Role role, Instant createdAt) {
}
