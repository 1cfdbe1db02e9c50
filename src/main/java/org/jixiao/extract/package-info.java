/**
 * Second stage: turns a submitted file of any supported format into the same thing, an
 * {@link org.jixiao.model.ExtractedDocument} of prose and table blocks in reading order.
 * Sub-packages hold one format family each; nothing after this stage knows the file format.
 */
package org.jixiao.extract;
