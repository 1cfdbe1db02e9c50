package org.jixiao.route;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jixiao.model.Submission;
import org.jixiao.output.ReportJson;
import org.jixiao.store.StoreOfRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the service's search index a view of the store of record: reports recorded there by another
 * process (the CLI's {@code check --data} while the service holds the index, another worker on a
 * shared database) are added to the index within {@link #POLL_INTERVAL} plus one commit.
 *
 * <p>Each pass asks the store for checked submissions numbered above the last one seen and adds,
 * from their stored report JSON, those the index does not have. The service's own reports are in
 * the index before they are recorded, so they are only stepped over. The first pass reads every
 * checked submission: at start the index gets what it missed while the service was not running.
 */
public final class IndexCatchUp implements AutoCloseable {

    /** How often the store is asked: a report checked elsewhere is searchable this much later at most, plus a commit. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(2);

    /** Submissions read per query. */
    static final int BATCH = 500;

    /**
     * Numbers this far below the highest one seen are looked at again on every pass: a database
     * hands out numbers when rows are inserted but shows them when their transaction commits, so a
     * submission numbered below one already seen can still appear. Far more than the writes that
     * are ever in flight at once; an index that still missed one gets it at the next start.
     */
    static final long OVERLAP = 256;

    private static final Logger LOG = LoggerFactory.getLogger(IndexCatchUp.class);

    private final StoreOfRecord store;
    private final LiveIndex index;
    private final ScheduledExecutorService poller;
    /** The highest submission number looked at. */
    private long seen;

    public IndexCatchUp(StoreOfRecord store, LiveIndex index) {
        this.store = store;
        this.index = index;
        this.poller = LiveIndex.daemonScheduler("jixiao-index-catch-up");
    }

    /** Polls the store every {@code interval} from now on. */
    public void start(Duration interval) {
        long ms = interval.toMillis();
        poller.scheduleWithFixedDelay(this::catchUpQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * One pass: adds the checked submissions the index lacks, in the order they were recorded (so
     * the newest version of a project ends current). Returns how many were added.
     */
    public synchronized int catchUp() throws IOException {
        long from = Math.max(0, seen - OVERLAP);
        int added = 0;
        while (true) {
            List<Submission> batch = store.checkedAfter(from, BATCH);
            for (Submission s : batch) {
                from = s.id();
                if (index.contains(s.sha256())) continue;
                Optional<String> json = store.reportJson(s.id());
                if (json.isEmpty()) continue;
                index.add(ReportJson.read(json.get()));
                added++;
            }
            seen = Math.max(seen, from);
            if (batch.size() < BATCH) break;
        }
        if (added > 0) LOG.info("从数据库补入索引 {} 份报告（在服务之外检查的报告）", added);
        return added;
    }

    /** The next pass looks at every checked submission again (after the index lost uncommitted additions). */
    public synchronized void rescan() {
        seen = 0;
    }

    private void catchUpQuietly() {
        if (index.needsRepair()) return; // the repair re-adds, then rescans
        try {
            catchUp();
        } catch (IOException | RuntimeException e) {
            LOG.warn("从数据库补入索引失败，稍后重试：{}", e.toString());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        try {
            poller.awaitTermination(POLL_INTERVAL.toMillis() * 5, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
