/**
 * The store of record: every submission with its report, where it stands in review, the finding
 * decisions, the users and the append-only audit trail — behind one port ({@link
 * org.jixiao.store.StoreOfRecord}) with one JDBC implementation for two engines: H2 in file mode
 * under {@code data/} (the embedded default: nothing to install) and PostgreSQL (a shared
 * deployment, chosen by its JDBC URL). The schema is migrated by Flyway at open. The search index
 * is derived from what is stored here and can be rebuilt from it.
 *
 * <p>JDBC drivers, Flyway, the pool and the password hashing are used only in this package.
 */
package org.jixiao.store;
