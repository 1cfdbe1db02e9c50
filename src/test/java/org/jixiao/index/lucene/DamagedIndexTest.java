package org.jixiao.index.lucene;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jixiao.index.IndexFormatException;
import org.jixiao.index.ReportFixture;
import org.jixiao.index.ReportIndex;

/**
 * A real damaged index — a segment file truncated, or the commit garbled — is refused at open
 * with a Chinese message that says it is damaged and how to rebuild it, not with a Lucene stack
 * trace; nothing is written into it.
 */
class DamagedIndexTest {

    @TempDir
    Path dir;

    private void build() throws IOException {
        try (ReportIndex index = ReportIndex.open(dir, ReportFixture.REGIONS)) {
            for (String sha : new String[] {"a", "b"}) {
                index.add(ReportFixture.report(sha).region("江阴市", "320281").year(2020).project("就业补贴")
                        .funds("300.00", "250.00", "83.33").indicator("产出指标", "数量指标", "补贴人数", "≥500 人", "520 人", "10", "10")
                        .build());
            }
        }
    }

    private Path largest(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix) && !p.toString().endsWith(".lock"))
                    .max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
    }

    private void assertRefusedAsDamaged() {
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> ReportIndex.open(dir, ReportFixture.REGIONS));
        assertTrue(e.getMessage().contains("已损坏"), e.getMessage());
        assertTrue(e.getMessage().contains("重新"), e.getMessage());
    }

    @Test
    void aTruncatedSegmentFileIsRefusedInChinese() throws IOException {
        build();
        Path f = largest("_");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }
        assertRefusedAsDamaged();
    }

    @Test
    void aGarbledCommitIsRefusedInChinese() throws IOException {
        build();
        Path f = largest("segments_");
        byte[] bytes = Files.readAllBytes(f);
        for (int i = bytes.length / 3; i < bytes.length / 3 + 8 && i < bytes.length; i++) bytes[i] ^= 0x5A;
        Files.write(f, bytes);
        assertRefusedAsDamaged();
    }
}
