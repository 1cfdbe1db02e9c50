package org.jixiao.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;

/**
 * The store contract on a real PostgreSQL server: the one {@code .ci/run} installs and starts
 * (Debian's {@code postgresql}), or the one {@code JIXIAO_TEST_POSTGRES_URL} names. Without a server
 * the tests are skipped with the reason — except where {@code JIXIAO_REQUIRE_POSTGRES} is set (CI),
 * where a missing server fails them.
 */
class PostgresStoreTest extends StoreContract {

    static final String URL = env("JIXIAO_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/jixiao_test");
    static final String USER = env("JIXIAO_TEST_POSTGRES_USER", "jixiao");
    static final String PASSWORD = env("JIXIAO_TEST_POSTGRES_PASSWORD", "jixiao");

    @Override
    protected StoreOfRecord openEmpty() {
        emptyDatabase();
        return reopen();
    }

    /** Drops and creates the schema: an empty database, or a skipped test (a failed one under CI) without a server. */
    static void emptyDatabase() {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            // Each test starts from an empty database: the schema is dropped and migrated again.
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            String reason = "没有可用的 PostgreSQL 服务器（" + URL + "）：" + e.getMessage();
            if (System.getenv("JIXIAO_REQUIRE_POSTGRES") != null) throw new AssertionError(reason, e);
            Assumptions.abort(reason);
        }
    }

    @Override
    protected StoreOfRecord reopen() {
        return JdbcStore.open(new StoreSettings(URL, USER, PASSWORD));
    }

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }
}
