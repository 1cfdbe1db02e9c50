/**
 * The command line (picocli): {@code extract} (one report as JSON), {@code check} (every report
 * under some paths, as a table, JSON or CSV, optionally indexed), {@code index} and
 * {@code search} (the Lucene index), {@code serve} (the inbox, REST API and web page). Exit codes:
 * 0 all inputs read, 1 some could not be read, 2 bad usage.
 */
package org.jixiao.cli;
