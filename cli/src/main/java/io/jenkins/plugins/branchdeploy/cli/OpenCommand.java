package io.jenkins.plugins.branchdeploy.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.deploy.ReviewLink;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code branch-deploy open}: records an open of an environment's review link and prints where it leads. */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = "Records that someone opened a branch's or pull request's environment (who and when, on its namespace "
                + "and in the review metrics) and prints its live URL.")
class OpenCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    StateOptions state;

    @Mixin
    EnvironmentChoice environment;

    @Option(names = "--user", paramLabel = "LOGIN",
            description = "Who opens it, e.g. a reviewer's SCM login; without it the open is anonymous and does not count as a review.")
    String user;

    @Override
    public Integer call() {
        BranchRef branch = environment.branchRef();
        ProgressListener progress = new StderrProgress(spec.commandLine().getErr());
        URI url;
        try (KubernetesClient client = cluster.connect()) {
            BranchEnvironments environments = new BranchEnvironments(client, cluster.installation(), environment.naming());
            Environment found = environments.inventory().find(branch).orElseThrow(() -> new InvalidInputException(
                    environment.field(), "there is no environment of " + environment.describe() + " in installation "
                    + cluster.installation() + "; check --app, --branch or --change, and --installation-id"));
            url = new ReviewLink(environments, state.metrics(), Clock.systemUTC()).open(found, user, progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(url);
        out.flush();
        return 0;
    }
}
