package org.jixiao.route;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;

/** NotifyBuilders over the inbox route that count each wanted file once, when the route is done with it. */
final class InboxNotifications {

    private InboxNotifications() {
    }

    /** Done with {@code count} files (any). */
    static NotifyBuilder whenDone(CamelContext camel, int count) {
        return whenDone(camel, count, e -> true);
    }

    /**
     * The filter sees every event of an exchange; it lets through only exchanges that the check route
     * has read (their SHA-256 header is set, so this is their end, not their start), each one once.
     */
    static NotifyBuilder whenDone(CamelContext camel, int count, Predicate<Exchange> wanted) {
        Set<String> counted = ConcurrentHashMap.newKeySet();
        return new NotifyBuilder(camel).fromRoute(IntakeRoutes.INBOX_ROUTE)
                .filter(e -> e.getMessage().getHeader(IntakeHeaders.SHA256) != null && wanted.test(e)
                        && counted.add(e.getExchangeId()))
                .whenDone(count).create();
    }
}
