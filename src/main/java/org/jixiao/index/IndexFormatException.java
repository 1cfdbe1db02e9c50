package org.jixiao.index;

/**
 * The index directory holds an index this version cannot read correctly (written by an earlier
 * version of jixiao, or not by jixiao). Nothing is changed or deleted; the message says, in
 * Chinese, how to rebuild it.
 */
public final class IndexFormatException extends IllegalStateException {

    public IndexFormatException(String message) {
        super(message);
    }

    public IndexFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A damaged index: its files fail Lucene's checks (truncated, garbled, missing). */
    public static IndexFormatException damaged(java.nio.file.Path dir, Throwable cause) {
        return new IndexFormatException("索引 " + dir + " 已损坏（文件被截断、改动或缺失），无法读取；索引可随时重建："
                + "服务的索引用 jixiao reindex --data 数据目录 从 done/ 重新建立（原索引移到旁边保留），"
                + "其他索引移走该目录后用 check --index 或 index 重新检查报告即可", cause);
    }
}
