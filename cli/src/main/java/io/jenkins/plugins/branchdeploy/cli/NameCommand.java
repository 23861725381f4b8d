package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.ChangeRequest;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code branch-deploy name}: the names a branch's environment gets, without touching a cluster. */
@Command(name = "name", mixinStandardHelpOptions = true,
        description = "Prints the environment id, namespace, host, URL and Helm release name of a branch.")
class NameCommand implements Callable<Integer> {

    /** The domain that commands which only show names use when none is given. */
    static final String EXAMPLE_DOMAIN = "example.dev";

    @Spec
    CommandSpec spec;

    @Option(names = "--app", required = true, paramLabel = "APP", description = "Application name, e.g. shop.")
    String app;

    @Option(names = "--branch", required = true, paramLabel = "BRANCH", description = "Branch name, e.g. feature/auth.")
    String branch;

    @Option(names = "--change", paramLabel = "N", description = "Pull request number; the environment is then pr-<N>.")
    String change;

    @Option(names = "--domain", paramLabel = "DOMAIN", defaultValue = EXAMPLE_DOMAIN, description = "Domain of environment hosts (default: ${DEFAULT-VALUE}).")
    String domain;

    @Option(names = "--namespace-template", paramLabel = "PATTERN", description = "Namespace pattern with {app} and {branch} (default: "
            + NamingPolicy.DEFAULT_NAMESPACE_TEMPLATE + ").")
    String namespaceTemplate;

    @Option(names = "--host-template", paramLabel = "PATTERN", description = "Host pattern with {branch}, {app} and {domain} (default: "
            + NamingPolicy.DEFAULT_HOST_TEMPLATE + ").")
    String hostTemplate;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() {
        BranchRef ref = BranchRef.of(app, branch);
        if (change != null) {
            ref = ref.withChange(ChangeRequest.of(ChangeRequest.parseNumber(change)));
        }
        EnvironmentNames names = new NamingPolicy(domain, namespaceTemplate, hostTemplate).names(ref);
        PrintWriter out = spec.commandLine().getOut();
        if (output.format() == OutputFormat.json) {
            out.println(Json.write(asMap(names)));
        } else {
            asMap(names).forEach((key, value) -> out.printf("%-12s %s%n", key, value));
        }
        out.flush();
        return 0;
    }

    private static Map<String, String> asMap(EnvironmentNames names) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("environment", names.environment());
        map.put("namespace", names.namespace());
        map.put("host", names.host());
        map.put("url", names.url());
        map.put("helmRelease", names.helmRelease());
        return map;
    }
}
