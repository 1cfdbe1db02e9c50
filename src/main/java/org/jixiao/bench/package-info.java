/**
 * Benchmarks run from the command line (not tests): they drive the whole pipeline and print
 * figures. The index benchmark lives in {@code org.jixiao.index}, next to what it measures.
 */
package org.jixiao.bench;
