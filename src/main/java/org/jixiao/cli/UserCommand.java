package org.jixiao.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.jixiao.model.Role;
import org.jixiao.model.UserAccount;
import org.jixiao.store.JdbcStore;
import org.jixiao.store.StoreOfRecord;
import org.jixiao.store.StoreRefusal;
import org.jixiao.store.StoreSettings;
import org.jixiao.store.StoreUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Local accounts of the service, kept in the store of record. The first administrator is made
 * here, on the machine, because nobody can log in to make one before it exists.
 */
@Command(name = "user", mixinStandardHelpOptions = true,
        description = "管理服务的本地用户（保存在数据目录的数据库中）。",
        subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
final class UserCommand {

    /** Where the accounts are: the same data folder and database every command uses. */
    static final class StoreOptions {
        @Option(names = "--data", paramLabel = "DIR", defaultValue = "data", description = "数据目录（默认 ${DEFAULT-VALUE}）")
        Path data;

        @Option(names = "--store", paramLabel = "JDBC-URL",
                description = "共享数据库 jdbc:postgresql://主机:端口/库名（账号取自环境变量 JIXIAO_DB_USER、JIXIAO_DB_PASSWORD）；不写则用数据目录中的内置数据库")
        String store;

        StoreOfRecord open() {
            return JdbcStore.open(StoreSettings.of(store, data));
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "添加用户。密码在终端中输入两次；脚本中用 --password-stdin 从标准输入读一行。")
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        StoreOptions where = new StoreOptions();

        @Option(names = "--role", paramLabel = "ROLE", required = true,
                description = "角色：经办（提交报告）、审核（审核报告）、管理（用户与设置）")
        String role;

        @Option(names = "--password-stdin", description = "从标准输入读取密码（一行）")
        boolean passwordStdin;

        @Parameters(paramLabel = "NAME", description = "用户名")
        String name;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Role r = Role.parse(role);
            if (r == null) {
                err.println("jixiao user add：未知角色 " + role + "（可用：经办、审核、管理）");
                return 2;
            }
            char[] password = password(err);
            if (password == null) return 2;
            try (StoreOfRecord store = where.open()) {
                UserAccount added = store.addUser(name, r, password, StoreOfRecord.SYSTEM);
                out.println("已添加用户 " + added.name() + "（" + added.role().chinese() + "）");
                return 0;
            } catch (StoreRefusal e) {
                err.println("jixiao user add：" + e.getMessage());
                return 2;
            } catch (StoreUnavailableException | IllegalArgumentException e) {
                err.println("jixiao user add：" + e.getMessage());
                return 1;
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        private char[] password(PrintWriter err) throws IOException {
            if (passwordStdin) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    err.println("jixiao user add：标准输入中没有密码");
                    return null;
                }
                return line.toCharArray();
            }
            Console console = System.console();
            if (console == null) {
                err.println("jixiao user add：没有终端可以输入密码；在脚本中请用 --password-stdin");
                return null;
            }
            char[] first = console.readPassword("用户 %s 的密码：", name);
            char[] second = console.readPassword("再输入一次：");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                err.println("jixiao user add：两次输入的密码不一致");
                if (first != null) Arrays.fill(first, '\0');
                if (second != null) Arrays.fill(second, '\0');
                return null;
            }
            Arrays.fill(second, '\0');
            return first;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "列出用户及其角色。")
    static final class ListUsers implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        StoreOptions where = new StoreOptions();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (StoreOfRecord store = where.open()) {
                for (UserAccount u : store.users()) out.println(u.name() + "\t" + u.role().chinese() + "\t" + u.createdAt());
                return 0;
            } catch (StoreUnavailableException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("jixiao user list：" + e.getMessage());
                return 1;
            }
        }
    }
}
