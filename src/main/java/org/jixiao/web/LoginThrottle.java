package org.jixiao.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after a few failed logins for one name, or from one address, further
 * attempts are refused for a while that doubles with each failure, up to a ceiling. A success
 * clears the name's count. Counts live in memory: a restart forgets them, which only gives a
 * guesser a few more tries.
 */
final class LoginThrottle {

    /** Failures allowed for one name before the first lock: enough for a mistyped password or two. */
    static final int FREE_FAILURES = 5;
    /**
     * Failures allowed from one address, whatever the names: far more, because a bureau's staff may
     * all come through one address (a proxy, a NAT); this stops one machine trying many names.
     */
    static final int FREE_FAILURES_PER_ADDRESS = 50;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    /** Keys kept at most; beyond, the oldest are forgotten (a flood of names must not fill the heap). */
    static final int MAX_KEYS = 10_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    private record Failures(int count, Instant lockedUntil) {
    }

    /** How long the caller must still wait before trying again; zero when it may try now. */
    Duration wait(String name, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys(name, address)) {
            Failures f = failures.get(key);
            if (f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(now)) {
                Duration d = Duration.between(now, f.lockedUntil());
                if (d.compareTo(longest) > 0) longest = d;
            }
        }
        return longest;
    }

    void failed(String name, String address) {
        if (failures.size() > MAX_KEYS) failures.clear();
        Instant now = clock.instant();
        for (String key : keys(name, address)) {
            int free = key.startsWith("address:") ? FREE_FAILURES_PER_ADDRESS : FREE_FAILURES;
            failures.compute(key, (k, f) -> {
                int count = f == null ? 1 : f.count() + 1;
                if (count <= free) return new Failures(count, null);
                long factor = 1L << Math.min(count - free - 1, 20);
                Duration lock = FIRST_LOCK.multipliedBy(factor);
                if (lock.compareTo(LONGEST_LOCK) > 0) lock = LONGEST_LOCK;
                return new Failures(count, now.plus(lock));
            });
        }
    }

    void succeeded(String name) {
        failures.remove("user:" + name);
    }

    private static String[] keys(String name, String address) {
        return new String[] {"user:" + name, "address:" + address};
    }
}
