package org.jixiao.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.jixiao.index.IndexLockedException;
import org.jixiao.index.ReportIndex;
import org.jixiao.index.SearchLocation;
import org.jixiao.ingest.FileIngestor;
import org.jixiao.model.Report;
import org.jixiao.normalize.RegionResolver;
import org.jixiao.output.ReportJson;
import org.jixiao.store.JdbcStore;
import org.jixiao.store.StoreOfRecord;
import org.jixiao.store.StoreSettings;
import org.jixiao.store.StoreUnavailableException;

/**
 * What {@code check --data} and {@code index} write into a data folder the service shares: each
 * report (or unreadable file, with its reason) into the store of record, and the index under the
 * folder unless a running {@code serve} holds it — the service then follows the store and adds the
 * reports itself. One place, so both commands leave the web page able to open whatever search finds.
 */
final class DataFolderWrites implements AutoCloseable {

    /** The name the CLI records its submissions under in the store of record. */
    static final String SUBMITTER = "命令行";

    private final StoreOfRecord records;
    private final Path data;
    private final String command;
    private final PrintWriter err;

    private DataFolderWrites(StoreOfRecord records, Path data, String command, PrintWriter err) {
        this.records = records;
        this.data = data;
        this.command = command;
        this.err = err;
    }

    /** The store under {@code data} (or the shared one named by {@code storeUrl}); null, with the reason on stderr, when it cannot be opened. */
    static DataFolderWrites open(Path data, String storeUrl, String command, PrintWriter err) {
        try {
            return new DataFolderWrites(JdbcStore.open(StoreSettings.of(storeUrl, data)), data, command, err);
        } catch (StoreUnavailableException | IllegalArgumentException e) {
            err.println(command + "：" + e.getMessage());
            return null;
        }
    }

    StoreOfRecord records() {
        return records;
    }

    /**
     * The index to write; null when it is this data folder's index and another process (a running
     * {@code serve}) holds it. The store of record is then the one write, and the service, which
     * follows the store, adds the reports to its index within seconds.
     */
    ReportIndex openIndex(SearchLocation location, Path indexDir, RegionResolver regions) throws IOException {
        try {
            return location.openIndex(regions);
        } catch (IndexLockedException e) {
            if (indexDir == null || !indexDir.toAbsolutePath().normalize().equals(data.resolve("index").toAbsolutePath().normalize())) throw e;
            err.println(command + "：索引 " + indexDir + " 正由运行中的服务（serve）使用，本次不直接写入索引：报告照常记入数据库，"
                    + "服务会在几秒内从数据库补入索引，之后即可在网页中检索和打开；若并无服务在运行（另一个命令正在写入），"
                    + "下次启动 serve 或运行 jixiao reindex 时补入");
            err.flush();
            return null;
        }
    }

    /** A checked report with its original's bytes. */
    void checked(Report report, Path original) throws IOException {
        checked(report, ReportJson.write(report), original);
    }

    /** A checked report whose JSON the caller has already written. */
    void checked(Report report, String json, Path original) throws IOException {
        records.recordChecked(report, json, Files.readAllBytes(original), SUBMITTER, Instant.now());
    }

    /** A file that could not be read, kept with its reason (and its bytes when they can be read). */
    void failed(Path original, String reason) {
        byte[] bytes = null;
        try {
            bytes = Files.readAllBytes(original);
        } catch (IOException | OutOfMemoryError unreadable) {
            // the reason already says why; the record keeps the name and the reason
        }
        String sha = bytes == null ? "" : FileIngestor.sha256(bytes);
        records.recordFailed(original.getFileName().toString(), sha, bytes, reason, SUBMITTER, Instant.now());
    }

    @Override
    public void close() {
        records.close();
    }
}
