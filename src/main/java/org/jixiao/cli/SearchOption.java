package org.jixiao.cli;

import java.nio.file.Path;
import org.jixiao.index.SearchLocation;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --search URI}: which search store a command uses. Without it, the embedded index of the
 * command's {@code --index} folder (or its default); with it, {@code --search} wins. Distinct from
 * {@code --store}, which names the store of record (the database).
 */
final class SearchOption {

    @Option(names = "--search", paramLabel = "URI",
            description = "检索库：lucene:目录 为内置的 Lucene 索引（与 --index 目录 相同，同时给出时以 --search 为准）；"
                    + "solr://zk主机:端口/集合名 为 SolrCloud 集合（多个服务进程可共用）；不写则使用内置索引")
    String uri;

    /**
     * The store {@code --search} names, else the embedded index in {@code indexDir}; null when
     * neither is given. A URI no implementation takes is a usage error (status 2).
     */
    SearchLocation location(CommandSpec spec, Path indexDir) {
        if (uri == null && indexDir == null) return null;
        try {
            return SearchLocation.parse(uri, indexDir);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
