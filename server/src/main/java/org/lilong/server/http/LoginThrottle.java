package org.lilong.server.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after {@code perAccount} failed logins for one username, or
 * {@code perAddress} from one client address, within the window, further attempts are refused
 * until the oldest failure leaves the window — whether or not the password would be right. Counts
 * live in this server's memory (several servers each count their own share).
 */
final class LoginThrottle {

    static final int PER_ACCOUNT = 5;
    static final int PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Beyond this many tracked keys, keys with no failure in the window are dropped. */
    private static final int PRUNE_ABOVE = 10_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, or empty when it may try now. */
    Optional<Duration> wait(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> account = waitFor("account:" + username, PER_ACCOUNT, now);
        Optional<Duration> client = waitFor("address:" + address, PER_ADDRESS, now);
        if (account.isPresent() && client.isPresent()) {
            return account.get().compareTo(client.get()) >= 0 ? account : client;
        }
        return account.isPresent() ? account : client;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        record("account:" + username, now);
        record("address:" + address, now);
        if (failures.size() > PRUNE_ABOVE) {
            failures.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    prune(e.getValue(), now);
                    return e.getValue().isEmpty();
                }
            });
        }
    }

    /** A right password clears the account's failures (not the address's: a guesser may own one account). */
    void succeeded(String username) {
        failures.remove("account:" + username);
    }

    private Optional<Duration> waitFor(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, times.peekFirst().plus(WINDOW)));
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private static void prune(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(WINDOW);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }
}
