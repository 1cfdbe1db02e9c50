/**
 * The command line: {@code extract} (one report as JSON) and {@code check} (every report under
 * some paths, as a table, JSON or CSV). Exit codes: 0 all inputs read, 1 some could not be read,
 * 2 bad usage.
 */
package org.jixiao.cli;
