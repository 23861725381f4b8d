package io.jenkins.plugins.branchdeploy.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranches;
import io.jenkins.plugins.branchdeploy.engine.deploy.BranchDeployer;
import io.jenkins.plugins.branchdeploy.engine.deploy.DeployInput;
import io.jenkins.plugins.branchdeploy.engine.deploy.DeployOptions;
import io.jenkins.plugins.branchdeploy.engine.deploy.DeployOutcome;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.report.ChangeReportText;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code branch-deploy deploy}: deploys a branch into its own namespace and prints its URL. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploys a branch's manifests into its own namespace, waits until it is ready and prints its URL. "
                + "A redeploy with unchanged manifests and secrets writes nothing. Optionally with a database branch, "
                + "smoke tests, a change report versus main and a drift warning.")
class DeployCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    BranchOptions target;

    @Mixin
    OutputOption output;

    @Mixin
    DatabaseOptions database;

    @Mixin
    BaselineOptions baseline;

    @Mixin
    DriftOptions drift;

    @Mixin
    ChangeOpeningOptions opening;

    @Mixin
    StateOptions state;

    @Mixin
    RenderOptions render;

    @Option(names = "--helm-tests", description = "Run the Helm chart's tests (helm.sh/hook: test) after the rollout; a failing test fails the deploy.")
    boolean helmTests;

    @Mixin
    ExposeOptions exposure;

    @Mixin
    ApplyWithOptions applyWith;

    @Option(names = "--manifests", required = true, paramLabel = "PATH",
            description = "Directory (searched recursively) or file of Kubernetes YAML, a Helm chart (directory or .tgz) or a Kustomize overlay.")
    Path manifests;

    @Option(names = "--domain", required = true, paramLabel = "DOMAIN", description = "Domain of environment hosts, e.g. preview.example.dev.")
    String domain;

    @Option(names = "--host-template", paramLabel = "PATTERN", description = "Host pattern with {branch}, {app} and {domain} (default: "
            + NamingPolicy.DEFAULT_HOST_TEMPLATE + ").")
    String hostTemplate;

    @Option(names = "--secret", paramLabel = "NAME/KEY=env:VAR|NAME/KEY=file:PATH",
            description = "Key KEY of Secret NAME, read from an environment variable or a file; repeatable. Values never go on the command line.")
    List<String> secrets = List.of();

    @Option(names = "--quota", paramLabel = "cpu=2,memory=4Gi,pods=20|auto", description = "Resource limits of the environment "
            + "(default: cpu=2,memory=4Gi,pods=20); auto sizes them from the app's requests and limits plus 50 %. An app "
            + "above its quota is refused before anything is written.")
    String quota;

    @Option(names = "--ttl", paramLabel = "DURATION", defaultValue = DeployRequest.DEFAULT_TTL_TEXT, description = "How long the environment lives after this deploy (default: ${DEFAULT-VALUE}).")
    String ttl;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = DeployRequest.DEFAULT_TIMEOUT_TEXT, description = "How long to wait for workloads to be ready (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--smoke-tests", paramLabel = "FILE", description = "Smoke checks (a YAML list) to run against the live URL after rollout; "
            + "a failing check that is not advisory fails the deploy.")
    Path smoke;

    @Option(names = "--smoke-base-url", paramLabel = "URL", description = "Send the smoke checks here instead of the live URL, "
            + "e.g. through kubectl port-forward when the Ingress host does not resolve where this runs.")
    URI smokeBaseUrl;

    @Option(names = "--smoke-timeout", paramLabel = "DURATION", defaultValue = DeployOptions.DEFAULT_SMOKE_TIMEOUT_TEXT,
            description = "How long the smoke checks together may keep retrying (default: ${DEFAULT-VALUE}).")
    String smokeTimeout;

    @Mixin
    NetworkPolicyOptions network;

    @Mixin
    TrustOptions trust;

    @Override
    public Integer call() throws InterruptedException {
        // connecting takes as long as reading the input and rendering: both at once
        try (KubernetesClient client = cluster.connectAhead()) {
            return deploy(client);
        }
    }

    private int deploy(KubernetesClient client) throws InterruptedException {
        List<SecretEntry> secretEntries = secrets.stream().map(s -> SecretOption.parse(s, System::getenv)).toList();
        BranchRef branch = target.branchRef(render.commit);
        DeployInput input = new DeployInput(branch, manifests)
                .variables(render.variables)
                .secrets(secretEntries)
                .quota(Quota.DEFAULT, quota)
                .ttl(null, ttl)
                .timeout(timeout)
                .sourceNamespace(render.sourceNamespace)
                .source(render.sourceOptions(helmTests))
                .expose(exposure.expose, exposure.routeVia, exposure.ingressClass(), exposure.tlsSecret())
                .webhooks(exposure.webhooks, exposure.webhookHostTemplate, exposure.webhookIngressAnnotations)
                .keepLoadBalancers(exposure.keepLoadBalancers)
                .applyWith(applyWith.mode, applyWith.argoCd(), manifests.toString(), render.values.stream().map(Path::toString).toList())
                .database(database.strategy())
                .smokeTests(smoke)
                .smokeBaseUrl(smokeBaseUrl)
                .smokeTimeout(smokeTimeout)
                .baseline(baseline.namespace, baseline.manifests)
                .drift(drift.commitsBehind(branch), drift.threshold, drift.target)
                .changeOpening(opening.openedAt, null, opening.author)
                .networkPolicy(network.enabled(), network.allowFromNamespaces)
                .branchFilter(trust.branchFilter)
                .fork(trust.fork, trust.trustedForks());
        if (input.filteredOut().isPresent()) {
            printFilteredOut(input.filteredOut().get());
            return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        DatabaseBranches databases = database.branches(System::getenv);
        NamingPolicy naming = target.naming(domain, hostTemplate);
        ProgressListener progress = message -> {
            err.println(message);
            err.flush();
        };
        input.untrustedFork().ifPresent(progress::warn);
        BranchDeployer deployer = new BranchDeployer(new BranchEnvironments(client, cluster.installation(), naming), state.metrics())
                .withDatabases(databases);
        DeployOutcome outcome = deployer.deploy(input.request(), input.options(), progress);
        print(outcome);
        return outcome.succeeded() ? 0 : BranchDeployCommand.FAILED;
    }

    /** A branch the filter leaves out: the reason as the result, and no URL. */
    private void printFilteredOut(String reason) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(output.format() == OutputFormat.json ? Json.write(Map.of("status", "filtered-out", "reason", reason)) : reason);
        out.flush();
    }

    private void print(DeployOutcome outcome) {
        PrintWriter out = spec.commandLine().getOut();
        DeployResult result = outcome.deploy();
        if (output.format() == OutputFormat.json) {
            out.println(Json.write(asMap(outcome)));
            out.flush();
            return;
        }
        if (result.succeeded()) {
            String status = result.unchanged() ? "Unchanged" : "Ready";
            out.println(result.url() == null ? status + ", with no URL: nothing routes to " + result.names().host()
                    : status + ": " + result.url());
            out.println("  environment " + result.names().environment() + ", namespace " + result.names().namespace());
            out.println("  " + result.appliedResources().size() + " resources; " + phases(result));
            if (outcome.webhookUrl() != null) {
                out.println("  webhooks: " + outcome.webhookUrl());
            }
            outcome.adjustments().forEach(adjustment -> out.println("  changed: " + adjustment));
            outcome.warnings().forEach(warning -> out.println("WARNING: " + warning));
        } else {
            out.println("Failed: " + result.failureReason());
            out.println("  environment " + result.names().environment() + ", namespace " + result.names().namespace());
        }
        if (outcome.smoke() != null) {
            out.println(outcome.smoke().summary());
            outcome.smoke().results().forEach(r -> out.println("  " + r.describe()));
        }
        if (outcome.changes() != null) {
            out.print(ChangeReportText.render(outcome.changes()));
        } else if (outcome.drift() != null) {
            out.println((outcome.drift().exceeded() ? "WARNING: " : "") + outcome.drift().message());
        }
        out.flush();
    }

    private static String phases(DeployResult result) {
        StringBuilder text = new StringBuilder();
        result.phases().forEach((phase, took) -> text.append(text.length() == 0 ? "" : ", ").append(phase).append(' ')
                .append(String.format(java.util.Locale.ROOT, "%.1fs", took.toMillis() / 1000.0)));
        return text.toString();
    }

    private static Map<String, Object> asMap(DeployOutcome outcome) {
        DeployResult result = outcome.deploy();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("environment", result.names().environment());
        map.put("namespace", result.names().namespace());
        map.put("url", result.url());
        map.put("webhookUrl", outcome.webhookUrl());
        map.put("status", result.status().value());
        map.put("unchanged", result.unchanged());
        if (result.failureReason() != null) {
            map.put("failureReason", result.failureReason());
        }
        map.put("appliedResources", result.appliedResources());
        map.put("adjustments", outcome.adjustments());
        map.put("warnings", outcome.warnings());
        map.put("phases", ReviewJson.seconds(result.phases()));
        if (outcome.smoke() != null) {
            map.put("smoke", ReviewJson.smoke(outcome.smoke()));
        }
        if (outcome.changes() != null) {
            map.put("changes", ReviewJson.changes(outcome.changes()));
        }
        if (outcome.drift() != null) {
            map.put("drift", ReviewJson.drift(outcome.drift()));
        }
        return map;
    }
}
