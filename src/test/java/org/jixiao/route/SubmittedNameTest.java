package org.jixiao.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SubmittedNameTest {

    @Test
    void directoriesAndTraversalAreDropped() {
        assertEquals("passwd", SubmittedName.clean("../../etc/passwd"));
        assertEquals("passwd", SubmittedName.clean("/etc/passwd"));
        assertEquals("win.ini", SubmittedName.clean("..\\..\\windows\\win.ini"));
        assertEquals("report", SubmittedName.clean(".."));
        assertEquals("report", SubmittedName.clean("a/.."));
        assertEquals("hidden.txt", SubmittedName.clean("...hidden.txt"));
        assertEquals("report", SubmittedName.clean(null));
    }

    @Test
    void controlAndReservedCharactersAreReplaced() {
        assertEquals("a_b_.txt", SubmittedName.clean("a\nb\u0000.txt"));
        assertEquals("x_y.txt", SubmittedName.clean("x:y.txt"));
        assertEquals("自评表_txt.pdf", SubmittedName.clean("自评表\u202Etxt.pdf"));
    }

    @Test
    void longNamesKeepTheirExtension() {
        String cleaned = SubmittedName.clean("很".repeat(200) + ".pdf");
        assertEquals(SubmittedName.MAX_LENGTH, cleaned.length());
        assertEquals(".pdf", cleaned.substring(cleaned.length() - 4));
    }

    @Test
    void numberedNamesKeepTheExtension() {
        assertEquals("a~2.txt", SubmittedName.numbered("a.txt", 2));
        assertEquals("README~3", SubmittedName.numbered("README", 3));
    }

    @Test
    void insideRefusesNamesThatLeaveTheFolder() {
        Path folder = Path.of("/data/done");
        assertEquals(Path.of("/data/done/a.txt"), DataFolders.inside(folder, "a.txt"));
        assertThrows(IllegalArgumentException.class, () -> DataFolders.inside(folder, "../failed/a.txt"));
        assertThrows(IllegalArgumentException.class, () -> DataFolders.inside(folder, "/etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> DataFolders.inside(folder, "sub/a.txt"));
    }
}
