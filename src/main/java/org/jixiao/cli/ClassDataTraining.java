package org.jixiao.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run for the class-data sharing archive built at package time (not a user command):
 * runs the commands a user runs once — {@code check} of one report of every kind into a fresh
 * index, {@code extract} of a PDF, {@code search} — in one JVM started with
 * {@code -XX:ArchiveClassesAtExit}, so that the archive holds every class those commands load,
 * already parsed and verified. The launcher {@code target/jixiao} then starts with it; a cold
 * {@code extract} no longer spends most of its CPU loading classes.
 *
 * <p>Arguments: the report files to check (each is also extracted). The
 * output of the commands is thrown away; an exit status other than 0 stops the build, so a
 * training run that no longer works is noticed.
 */
public final class ClassDataTraining {

    private ClassDataTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: ClassDataTraining REPORT...");
            System.exit(2);
        }
        Path work = Files.createTempDirectory("jixiao-cds");
        try {
            PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
            String index = work.resolve("index").toString();
            List<String> check = new ArrayList<>(List.of("check", "--format", "json", "--out", work.resolve("out").toString(),
                    "--index", index));
            check.addAll(List.of(args));
            List<List<String>> runs = new ArrayList<>();
            runs.add(check);
            // check reads PDF and office files in child JVMs, whose classes this JVM never loads:
            // extract reads each file in-process, so that the archive the children start with holds
            // the readers' classes too.
            for (String file : args) runs.add(List.of("extract", file));
            runs.add(List.of("search", "响应时间", "--index", index));
            runs.add(List.of("search", "--region", "江苏", "--year", "2019..2025", "--index", index, "--json"));
            for (List<String> run : runs) {
                int code = JixiaoCommand.run(run.toArray(String[]::new), quiet, err);
                if (code != 0) {
                    System.err.println("ClassDataTraining: " + String.join(" ", run) + " exited with " + code);
                    System.exit(code);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }
}
