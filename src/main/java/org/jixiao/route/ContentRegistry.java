package org.jixiao.route;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jixiao.model.Report;
import org.jixiao.output.ReportJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The idempotent repository of the service, keyed by the SHA-256 of a submission's content: which
 * contents have been checked, under which name they are stored, and which are being checked now.
 *
 * <p>It survives restarts by being rebuilt from done/ at start (every {@code <name>.json} there is
 * one checked content), rather than from a key file of its own: done/ is written in the same step
 * that makes a report count as checked, so the two can never disagree after a crash, and the stored
 * name that a "duplicate of X" note needs is in it. Camel's FileIdempotentRepository keeps keys only
 * and is written at another moment than the move, which leaves a window where a file killed
 * mid-check would later be taken for a duplicate of itself.
 *
 * <p>Also hands out stored names: a name is free when no file of that name or its notes exists in
 * done/ or failed/ and no submission in flight holds it, so nothing is ever overwritten.
 */
public final class ContentRegistry {

    /** Names tried with a number before giving up; far above any realistic number of same-named files. */
    private static final int MAX_NAME_ATTEMPTS = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(ContentRegistry.class);

    private final DataFolders folders;
    private final Map<String, ReportSummary> checked = new HashMap<>();
    private final Map<String, String> inFlight = new HashMap<>();
    /**
     * Contents found checked in done/ at start: only these can be resumed (checked, but the original
     * never moved out of the inbox). One checked in this run is just waiting for its move.
     */
    private final Set<String> fromEarlierRuns = new HashSet<>();
    private final Set<String> reservedNames = new HashSet<>();

    private ContentRegistry(DataFolders folders) {
        this.folders = folders;
    }

    /** Reads every report JSON in done/. */
    public static ContentRegistry load(DataFolders folders) throws IOException {
        ContentRegistry registry = new ContentRegistry(folders);
        try (DirectoryStream<Path> jsons = Files.newDirectoryStream(folders.done(), "*" + DataFolders.REPORT_SUFFIX)) {
            for (Path json : jsons) {
                String name = json.getFileName().toString();
                String storedName = name.substring(0, name.length() - DataFolders.REPORT_SUFFIX.length());
                JsonNode tree;
                try {
                    tree = ReportJson.mapper().readTree(json.toFile());
                } catch (IOException e) {
                    // Not one of ours (they are written whole): leave it alone, do not refuse to start.
                    LOG.warn("忽略无法读取的报告 JSON {}：{}", json, e.getMessage());
                    continue;
                }
                ReportSummary summary = ReportSummary.of(storedName, tree);
                if (!summary.id().isEmpty()) {
                    registry.checked.put(summary.id(), summary);
                    registry.fromEarlierRuns.add(summary.id());
                }
            }
        }
        return registry;
    }

    /**
     * Decides what a submission is: new, a duplicate of a content checked or being checked, or the
     * resumption of one checked in an earlier run whose original never left the inbox.
     */
    public synchronized Claim claim(String sha256, String submittedName) {
        ReportSummary done = checked.get(sha256);
        if (done != null && fromEarlierRuns.contains(sha256)
                && !Files.exists(DataFolders.inside(folders.done(), done.storedName())) && !inFlight.containsKey(sha256)) {
            inFlight.put(sha256, done.storedName());
            reservedNames.add(done.storedName());
            return new Claim(Claim.Kind.RESUME, done.storedName(), null);
        }
        String first = done != null ? done.storedName() : inFlight.get(sha256);
        String name = reserveName(submittedName);
        if (first != null) return new Claim(Claim.Kind.DUPLICATE, name, first);
        inFlight.put(sha256, name);
        return new Claim(Claim.Kind.NEW, name, null);
    }

    /** A free stored name for a submission, held until {@link #release}. */
    public synchronized String reserveName(String submittedName) {
        String clean = SubmittedName.clean(submittedName);
        for (int n = 1; n <= MAX_NAME_ATTEMPTS; n++) {
            String candidate = n == 1 ? clean : SubmittedName.numbered(clean, n);
            if (!reservedNames.contains(candidate) && free(candidate)) {
                reservedNames.add(candidate);
                return candidate;
            }
        }
        throw new IllegalStateException("no free name for " + clean);
    }

    private boolean free(String name) {
        for (String suffix : new String[] {"", DataFolders.REPORT_SUFFIX, DataFolders.DUPLICATE_SUFFIX}) {
            if (Files.exists(DataFolders.inside(folders.done(), name + suffix))) return false;
        }
        for (String suffix : new String[] {"", DataFolders.ERROR_SUFFIX}) {
            if (Files.exists(DataFolders.inside(folders.failed(), name + suffix))) return false;
        }
        return true;
    }

    /** The report's JSON is in done/: from now on the content is known. */
    public synchronized ReportSummary checked(String storedName, Report report) {
        ReportSummary summary = ReportSummary.of(storedName, report);
        checked.put(summary.id(), summary);
        inFlight.remove(summary.id());
        fromEarlierRuns.remove(summary.id());
        return summary;
    }

    /** The check failed: the content is not known, so a later submission is checked again. */
    public synchronized void abandoned(String sha256) {
        inFlight.remove(sha256);
    }

    /** The stored name's own files now exist on disk, which keep it taken. */
    public synchronized void release(String storedName) {
        reservedNames.remove(storedName);
    }

    public synchronized Optional<ReportSummary> find(String sha256) {
        return Optional.ofNullable(checked.get(sha256));
    }

    /** Every checked report, by region, year and stored name. */
    public synchronized List<ReportSummary> all() {
        List<ReportSummary> all = new ArrayList<>(checked.values());
        all.sort(Comparator.comparing((ReportSummary s) -> s.region() == null ? "" : s.region())
                .thenComparing(s -> s.year() == null ? 0 : s.year())
                .thenComparing(ReportSummary::storedName));
        return all;
    }

    /**
     * Every checked report in the order it was submitted (its report JSON was written when it was
     * checked), so that re-adding them keeps the newest version of a project current.
     */
    public synchronized List<ReportSummary> inSubmissionOrder() {
        List<ReportSummary> all = new ArrayList<>(checked.values());
        Map<String, Long> written = new HashMap<>();
        for (ReportSummary s : all) {
            Path json = DataFolders.inside(folders.done(), s.storedName() + DataFolders.REPORT_SUFFIX);
            long at;
            try {
                at = Files.getLastModifiedTime(json).toMillis();
            } catch (IOException e) {
                at = Long.MAX_VALUE;
            }
            written.put(s.storedName(), at);
        }
        all.sort(Comparator.comparing((ReportSummary s) -> written.get(s.storedName())).thenComparing(ReportSummary::storedName));
        return all;
    }

    public synchronized int size() {
        return checked.size();
    }

    /** The JSON of a checked report as written to done/. */
    public String json(ReportSummary summary) {
        try {
            return Files.readString(DataFolders.inside(folders.done(), summary.storedName() + DataFolders.REPORT_SUFFIX));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When a checked report was recorded: the time its JSON was written to done/ (its submission order). */
    public java.time.Instant checkedAt(ReportSummary summary) throws IOException {
        return Files.getLastModifiedTime(DataFolders.inside(folders.done(), summary.storedName() + DataFolders.REPORT_SUFFIX)).toInstant();
    }

    /** The original file of a checked report in done/. */
    public Path original(ReportSummary summary) {
        return DataFolders.inside(folders.done(), summary.storedName());
    }
}
