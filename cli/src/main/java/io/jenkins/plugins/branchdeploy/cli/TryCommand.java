package io.jenkins.plugins.branchdeploy.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranches;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.variant.VariantRequest;
import io.jenkins.plugins.branchdeploy.engine.variant.VariantResult;
import io.jenkins.plugins.branchdeploy.engine.variant.Variants;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code branch-deploy try}: a variant of a live environment, with overrides, under a name and a URL of its own. */
@Command(name = "try", mixinStandardHelpOptions = true,
        description = "Creates a variant: a copy of a live environment (a branch's, a pull request's, or any by its id) with "
                + "images, environment variables and config values overridden, under its own environment id try-NAME, "
                + "host and URL to share. An override that matches nothing in the source is exit 2, before anything is written. "
                + "When the source has a database branch, the variant gets a copy of the source's current database with its "
                + "own credentials (needs the admin connection). Cleanup removes the variant when its time to live runs out; "
                + "extend, wake, scale-down and teardown take it with --environment try-NAME.")
class TryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    OutputOption output;

    @Mixin
    DatabaseAdminOptions database;

    @Option(names = "--app", required = true, paramLabel = "APP", description = "Application name, e.g. shop.")
    String app;

    @Option(names = "--from", paramLabel = "BRANCH", description = "Copy this branch's environment, e.g. main.")
    String from;

    @Option(names = "--change", paramLabel = "N", description = "Copy this pull request's environment.")
    String change;

    @Option(names = "--environment", paramLabel = "ID", description = "Copy the environment of this id, as list shows it (e.g. pr-42, try-pricing-v2).")
    String environment;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The variant's name: its environment id is try-NAME.")
    String name;

    @Option(names = "--image", paramLabel = "CONTAINER=IMAGE", description = "Run this image in every container of that name, or in one "
            + "workload's with WORKLOAD/CONTAINER=IMAGE; repeatable.")
    List<String> images = List.of();

    @Option(names = "--env", paramLabel = "WORKLOAD:KEY=VALUE", description = "Set an environment variable in every container of that workload; repeatable.")
    List<String> env = List.of();

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Set a config value wherever the source sets it: a ConfigMap's key, a container's environment variable; repeatable.")
    List<String> set = List.of();

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = VariantRequest.DEFAULT_TTL_TEXT,
            description = "How long the variant lives (default: ${DEFAULT-VALUE}).")
    String ttl;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = DeployRequest.DEFAULT_TIMEOUT_TEXT,
            description = "How long to wait for workloads to be ready (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--created-by", paramLabel = "NAME", defaultValue = "${sys:user.name}",
            description = "Who creates the variant, as list shows it (default: the user running the command).")
    String createdBy;

    @Option(names = "--domain", required = true, paramLabel = "DOMAIN", description = "Domain of environment hosts, e.g. preview.example.dev.")
    String domain;

    @Option(names = "--host-template", paramLabel = "PATTERN", description = "Host pattern with {branch}, {app} and {domain} (default: "
            + NamingPolicy.DEFAULT_HOST_TEMPLATE + "); the variant's try-NAME takes the branch's place.")
    String hostTemplate;

    @Option(names = "--namespace-template", paramLabel = "PATTERN", description = "Namespace pattern with {app} and {branch} (default: "
            + NamingPolicy.DEFAULT_NAMESPACE_TEMPLATE + ").")
    String namespaceTemplate;

    @Override
    public Integer call() {
        VariantRequest request = VariantRequest.builder(app, name).from(from).change(change).environment(environment)
                .images(images).env(env).set(set).ttl(ttl).timeout(timeout).createdBy(createdBy).build();
        PrintWriter err = spec.commandLine().getErr();
        ProgressListener progress = message -> {
            err.println(message);
            err.flush();
        };
        DatabaseBranches databases = database.optional(System::getenv);
        VariantResult result;
        try (KubernetesClient client = cluster.connect()) {
            BranchEnvironments environments = new BranchEnvironments(client, cluster.installation(),
                    new NamingPolicy(domain, namespaceTemplate, hostTemplate));
            Variants variants = new Variants(environments);
            result = (databases == null ? variants : variants.withDatabases(databases)).create(request, progress);
        }
        print(result);
        return result.succeeded() ? 0 : BranchDeployCommand.FAILED;
    }

    private void print(VariantResult result) {
        PrintWriter out = spec.commandLine().getOut();
        if (output.format() == OutputFormat.json) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("environment", result.names().environment());
            map.put("namespace", result.names().namespace());
            map.put("status", result.deploy().status().value());
            map.put("url", result.url());
            map.put("variantOf", result.source().environment());
            map.put("createdBy", result.createdBy());
            map.put("expiresAt", result.expiresAt());
            map.put("reason", result.deploy().failureReason());
            out.println(Json.write(map));
        } else if (result.succeeded()) {
            out.println("Ready: " + (result.url() == null ? "with no URL: nothing routes to " + result.names().host() : result.url()));
            out.println("  variant " + result.names().environment() + " of " + result.source().environment() + ", namespace "
                    + result.names().namespace() + ", expires " + result.expiresAt());
        } else {
            out.println("Failed: " + result.deploy().failureReason());
            out.println("  variant " + result.names().environment() + ", namespace " + result.names().namespace());
        }
        out.flush();
    }
}
