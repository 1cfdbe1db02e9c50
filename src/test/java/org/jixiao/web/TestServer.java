package org.jixiao.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jixiao.mapping.Mappings;
import org.jixiao.normalize.RegionResolver;
import org.jixiao.pipeline.Pipeline;
import org.jixiao.route.DataFolders;

/** Starts the whole service in-process on a temporary data folder and a free port. */
public final class TestServer {

    private static Pipeline pipeline;

    private TestServer() {
    }

    public static JixiaoServer start(DataFolders folders) throws Exception {
        return start(ServerSettings.defaults(folders));
    }

    public static synchronized JixiaoServer start(ServerSettings settings) throws Exception {
        if (pipeline == null) pipeline = new Pipeline(Mappings.bundled());
        return JixiaoServer.start(settings, pipeline, new RegionResolver(Mappings.bundled()));
    }

    /** Plain file names in a folder (no hidden files), sorted. */
    public static java.util.List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
