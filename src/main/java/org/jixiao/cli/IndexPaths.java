package org.jixiao.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Whether a path given as {@code --index} may be used as the search index: a missing or empty
 * folder (an index is created there) or an existing index (a folder with a Lucene {@code segments_*}
 * file). A file, or a folder of other files, is refused: Lucene would fail on the one and scatter
 * its files among the user's own in the other.
 */
final class IndexPaths {

    private IndexPaths() {
    }

    /** Why the path cannot be an index, in Chinese, or null when it can. */
    static String refusal(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) return null;
        if (!Files.isDirectory(dir)) {
            return "--index " + dir + " 是一个文件，不是索引目录；请指定一个新的或空的目录，或已有的索引目录";
        }
        boolean empty = true;
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : (Iterable<Path>) entries::iterator) {
                empty = false;
                if (Files.isRegularFile(p) && p.getFileName().toString().startsWith("segments_")) return null;
            }
        }
        if (empty) return null;
        return "--index " + dir + " 是一个已有其他文件的目录，不是检索索引（其中没有 segments_* 文件）；"
                + "为免把索引文件写进其中，请指定一个新的或空的目录，或已有的索引目录";
    }
}
