package org.jixiao.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Everything picocli itself would say in English, said in Chinese: usage help headings, the
 * descriptions of {@code --help}/{@code --version} and of the {@code help} command, and the
 * messages of command-line errors ({@link #handleParseErrors}), which are printed as one line
 * {@code jixiao check：未知选项 --frmat（用 jixiao check --help 查看用法）} and exit 2.
 */
final class ChineseUsage {

    private ChineseUsage() {
    }

    /** Applies the Chinese texts to the command and all its subcommands. */
    static void apply(CommandLine cli) {
        cli.setResourceBundle(bundle());
        cli.setParameterExceptionHandler(ChineseUsage::handleParseErrors);
        headings(cli);
    }

    private static void headings(CommandLine cli) {
        UsageMessageSpec u = cli.getCommandSpec().usageMessage();
        u.synopsisHeading("用法：").parameterListHeading("%n参数：%n").optionListHeading("%n选项：%n")
                .commandListHeading("%n命令：%n").descriptionHeading("%n");
        if ("help".equals(cli.getCommandName())) {
            u.header("显示指定命令的用法。").description("不给出命令时显示 jixiao 的用法。");
        }
        for (CommandLine sub : cli.getSubcommands().values()) headings(sub);
    }

    private static ResourceBundle bundle() {
        try (InputStream in = ChineseUsage.class.getResourceAsStream("usage.properties")) {
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One Chinese line naming what is wrong and where to find the usage; the exit code for bad usage (2). */
    static int handleParseErrors(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(name + "：" + message(ex) + "（用 " + name + " --help 查看用法）");
        cmd.getErr().flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** What is wrong, in Chinese. */
    static String message(CommandLine.ParameterException ex) {
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            String first = unmatched.isEmpty() ? "" : unmatched.get(0);
            List<String> suggestions = u.getSuggestions();
            String hint = suggestions.isEmpty() ? "" : "；是否想用 " + String.join(" 或 ", suggestions) + "？";
            if (u.isUnknownOption()) return "未知选项 " + first + hint;
            if (!u.getCommandLine().getSubcommands().isEmpty() && u.getCommandLine().getCommandSpec().parent() == null
                    && !first.startsWith("-")) {
                return "未知命令 " + first + hint;
            }
            return "多余的参数 " + String.join(" ", unmatched) + hint;
        }
        if (ex instanceof CommandLine.MissingParameterException m) {
            List<String> parts = new ArrayList<>();
            for (ArgSpec a : m.getMissing()) {
                if (a instanceof OptionSpec o) parts.add("选项 " + o.longestName() + " 缺少取值（" + o.paramLabel() + "）");
                else parts.add("缺少参数 " + a.paramLabel());
            }
            return parts.isEmpty() ? "缺少必需的参数" : String.join("；", parts);
        }
        if (ex instanceof CommandLine.OverwrittenOptionException o) {
            return "选项 " + argName(o.getOverwritten()) + " 只能给出一次";
        }
        if (ex instanceof CommandLine.MaxValuesExceededException) {
            return "参数过多";
        }
        if (ex instanceof CommandLine.MissingTypeConverterException) {
            return "无法理解参数";
        }
        String own = ex.getMessage() == null ? "" : ex.getMessage();
        if (hasChinese(own)) return own;
        java.util.regex.Matcher unknown = java.util.regex.Pattern.compile("Unknown subcommand '(.*)'").matcher(own);
        if (unknown.find()) return "未知命令 " + unknown.group(1);
        if (own.startsWith("Missing required subcommand")) {
            return "请给出命令：" + String.join("、", ex.getCommandLine().getSubcommands().keySet());
        }
        ArgSpec a = ex.getArgSpec();
        if (a != null && ex.getValue() != null) {
            String what = a instanceof OptionSpec o ? "选项 " + o.longestName() : "参数 " + a.paramLabel();
            return what + " 的取值 " + ex.getValue() + " 无效" + expected(a);
        }
        return "命令行参数有误";
    }

    /** What a value of this argument must be, for the message about a value that is not. */
    private static String expected(ArgSpec a) {
        Class<?> type = a.type();
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object c : type.getEnumConstants()) names.add(((Enum<?>) c).name());
            return "，可选：" + String.join("、", names);
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) return "，应为整数";
        if (type == double.class || type == Double.class || type == java.math.BigDecimal.class) return "，应为数字";
        return "";
    }

    private static String argName(ArgSpec a) {
        if (a instanceof OptionSpec o) return o.longestName();
        if (a instanceof PositionalParamSpec p) return p.paramLabel();
        return "";
    }

    static boolean hasChinese(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
