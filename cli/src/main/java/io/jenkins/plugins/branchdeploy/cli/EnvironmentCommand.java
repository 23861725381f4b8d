package io.jenkins.plugins.branchdeploy.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentLifecycle;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentRef;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A lifecycle change of one existing environment (extend, wake, scale-down), named by its branch or
 * by its id ({@code --environment}): finds it, changes it, and prints it as it is afterwards. A
 * branch without an environment is bad input.
 */
abstract class EnvironmentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    OutputOption output;

    @Mixin
    BranchOptions target;

    @Mixin
    EnvironmentOption id;

    /** Makes the change; the environment was just found. */
    abstract void change(EnvironmentLifecycle lifecycle, EnvironmentRef environment, ProgressListener progress);

    /** What happened, in words, for text output. */
    abstract String done(Environment after);

    @Override
    public Integer call() {
        ProgressListener progress = new StderrProgress(spec.commandLine().getErr());
        Environment after;
        try (KubernetesClient client = cluster.connect()) {
            BranchEnvironments environments = new BranchEnvironments(client, cluster.installation(), target.namespacesOnly());
            Environment environment = id.find(environments, target, cluster.installation());
            change(environments.lifecycle(), EnvironmentRef.of(environment), progress);
            after = environments.inventory().find(environment.app(), environment.environment()).orElse(environment);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(output.format() == OutputFormat.json ? Json.write(ListCommand.asMap(after)) : done(after));
        out.flush();
        return 0;
    }
}
