/**
 * First stage: reads a submitted file once, identifies it by content hash and detects its media
 * type from content (Tika), never from the file name alone. Never writes or deletes the input.
 */
package org.jixiao.ingest;
