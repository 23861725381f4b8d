package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.RefusedException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code branch-deploy}: the engine from a terminal, with or without Jenkins. */
@Command(
        name = "branch-deploy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Gives every branch and pull request its own live Kubernetes environment.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the operation failed (a deploy leaves its environment marked failed)", "2:bad input"})
public class BranchDeployCommand {

    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    /** The subcommands, in the order help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(SandboxCommand.class, NameCommand.class, DeployCommand.class,
            TeardownCommand.class, ListCommand.class, CleanupCommand.class, ExtendCommand.class, WakeCommand.class,
            ScaleDownCommand.class, TryCommand.class, DiffCommand.class, MetricsCommand.class, HistoryCommand.class, OpenCommand.class,
            WebhooksCommand.class);

    public static void main(String[] args) {
        RenderingHeadStart.forCommand(args);
        ConnectionHeadStart.forCommand(args);
        int exitCode = commandLine(args).execute(args);
        HttpSelectorThreads.stop();
        System.exit(exitCode);
    }

    /** The command line with every subcommand, for tests that want its exit codes and output. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for {@code args}: with only the subcommand they start with, if they start
     * with one, since reading the options of all of them is a good part of a command's start; with
     * every subcommand otherwise, for help and for the error that names them.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new BranchDeployCommand());
        List<Class<?>> named = args.length == 0 ? List.of()
                : SUBCOMMANDS.stream().filter(command -> command.getAnnotation(Command.class).name().equals(args[0])).toList();
        (named.isEmpty() ? SUBCOMMANDS : named).forEach(cli::addSubcommand);
        cli.setExecutionExceptionHandler(BranchDeployCommand::handle);
        cli.setParameterExceptionHandler(BranchDeployCommand::handleUsage);
        return cli;
    }

    /** The engine's refusals and any other failure: one line on stderr; exit 2 when the input was at fault. */
    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        err.println("branch-deploy: " + FlagNames.inMessage(e.getMessage(), cli.getCommandSpec()));
        err.flush();
        return e instanceof RefusedException refused && refused.badInput() ? BAD_INPUT : FAILED;
    }

    /** One line on stderr, not the whole usage text: bad input must be easy to read in a build log. */
    private static int handleUsage(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        // picocli words some messages "Value for option option '--var'"
        String message = e.getMessage().replace("option option '", "option '");
        err.println("branch-deploy: " + message + " (see '" + e.getCommandLine().getCommandName() + " --help')");
        err.flush();
        return BAD_INPUT;
    }
}
