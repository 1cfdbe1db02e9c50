package org.jixiao.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line builds only the subcommand it runs (picocli's model of all eight cost a cold
 * start more than the mappings): the list of subcommands names each by its own name, a plain
 * command line is recognised past jixiao's own options, and anything else (help, an error, no
 * command) gets the full command, so usage and error messages do not change.
 */
class SubcommandModelTest {

    @Test
    void eachSubcommandIsListedUnderItsOwnName() {
        for (Map.Entry<String, Class<?>> sub : JixiaoCommand.SUBCOMMANDS.entrySet()) {
            assertEquals(sub.getKey(), new CommandLine(sub.getValue()).getCommandName());
        }
    }

    @Test
    void aPlainCommandLineNamesItsSubcommand() {
        assertEquals("extract", invoked("extract", "a.pdf"));
        assertEquals("check", invoked("--mappings", "m", "--timeout", "5", "check", "dir", "--format", "json"));
        assertEquals("search", invoked("--ocr=off", "search", "水"));
        // the value of an option may look like a subcommand's name
        assertEquals("index", invoked("--mappings", "check", "index", "dir"));
        assertEquals("check", invoked("check", "--help"));
    }

    @Test
    void anythingElseBuildsEverySubcommand() {
        for (String[] args : new String[][] {{}, {"--help"}, {"-h", "check"}, {"--version"}, {"help", "check"},
                {"chek", "dir"}, {"--frmat", "check"}, {"--", "check"}, {"--timeout"}}) {
            assertNull(invoked(args), String.join(" ", args));
        }
    }

    @Test
    void theUsageStillListsEverySubcommandInOrder() {
        StringWriter out = new StringWriter();
        assertEquals(0, JixiaoCommand.run(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(new StringWriter())));
        List<String> listed = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            String first = line.strip().split("\\s+")[0];
            if (line.startsWith("  ") && JixiaoCommand.SUBCOMMANDS.containsKey(first)) listed.add(first);
        }
        assertEquals(List.copyOf(JixiaoCommand.SUBCOMMANDS.keySet()), listed);
    }

    private static String invoked(String... args) {
        return JixiaoCommand.invokedSubcommand(new CommandLine(new JixiaoCommand()), args);
    }
}
