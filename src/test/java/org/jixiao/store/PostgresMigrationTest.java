package org.jixiao.store;

/**
 * A V1 PostgreSQL database opened by this version, on the server the store contract uses (skipped
 * without one, failed without one under {@code JIXIAO_REQUIRE_POSTGRES}).
 */
class PostgresMigrationTest extends MigrationFromV1 {

    @Override
    protected StoreSettings emptyDatabase() {
        PostgresStoreTest.emptyDatabase();
        return new StoreSettings(PostgresStoreTest.URL, PostgresStoreTest.USER, PostgresStoreTest.PASSWORD);
    }
}
