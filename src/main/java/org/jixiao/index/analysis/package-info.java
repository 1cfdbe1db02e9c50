/**
 * Chinese text analysis for the report index: a Lucene {@link org.apache.lucene.analysis.Tokenizer}
 * over HanLP's dictionary segmentation (words plus the shorter dictionary words inside them, so a
 * query for 社保 finds 社保卡) and a CJK bigram analyzer kept beside it for recall. Everything runs
 * on the dictionaries bundled in the HanLP portable jar; nothing is downloaded.
 */
package org.jixiao.index.analysis;
