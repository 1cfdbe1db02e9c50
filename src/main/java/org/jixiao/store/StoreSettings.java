package org.jixiao.store;

import java.nio.file.Path;

/**
 * Where the store of record lives: the embedded H2 database in the data folder, or a shared
 * PostgreSQL database given by its JDBC URL (user and password from the environment, never on the
 * command line where {@code ps} shows them).
 *
 * @param jdbcUrl  the JDBC URL
 * @param user     the database user; empty for the embedded database
 * @param password the database password; empty for the embedded database
 */
public record StoreSettings(String jdbcUrl, String user, String password) {

    /** The environment variables a shared deployment sets for the database account. */
    public static final String USER_VARIABLE = "JIXIAO_DB_USER";
    public static final String PASSWORD_VARIABLE = "JIXIAO_DB_PASSWORD";

    /**
     * The embedded database {@code DIR/store.mv.db}. PostgreSQL mode so that one set of migrations
     * serves both engines; AUTO_SERVER so that the CLI can write while the service has it open (the
     * first process to open it serves the others over loopback).
     */
    public static StoreSettings embedded(Path dataDir) {
        String base = dataDir.toAbsolutePath().normalize().resolve("store").toString();
        return new StoreSettings("jdbc:h2:file:" + base
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE", "", "");
    }

    /**
     * The store named on the command line: {@code jdbc:postgresql://…} for a shared database, or
     * nothing for the embedded one in the data folder.
     *
     * @throws IllegalArgumentException with a Chinese reason for any other URL
     */
    public static StoreSettings of(String url, Path dataDir) {
        if (url == null || url.isBlank()) return embedded(dataDir);
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--store 只接受 jdbc:postgresql://主机:端口/数据库（不写则使用数据目录中的内置数据库）：" + url);
        }
        String user = System.getenv(USER_VARIABLE);
        String password = System.getenv(PASSWORD_VARIABLE);
        return new StoreSettings(url, user == null ? "" : user, password == null ? "" : password);
    }

    public boolean embedded() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        // Never the password.
        return "StoreSettings[" + jdbcUrl + ", user=" + user + "]";
    }
}
