package io.jenkins.plugins.branchdeploy.engine.deploy;

import io.jenkins.plugins.branchdeploy.engine.Durations;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchFilter;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.TrustedForks;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseStrategy;
import io.jenkins.plugins.branchdeploy.engine.report.Drift;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.NetworkIsolation;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import io.jenkins.plugins.branchdeploy.engine.request.SourceOptions;
import io.jenkins.plugins.branchdeploy.engine.request.Webhooks;
import io.jenkins.plugins.branchdeploy.engine.smoke.SmokeTests;
import io.jenkins.plugins.branchdeploy.engine.webhook.WebhookHost;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user wrote for one deploy, in a Pipeline step or on the command line, turned into a
 * {@link DeployRequest} and its {@link DeployOptions}. Text is taken as typed: {@code null} or blank
 * means "not given" and keeps the default. Each default and each check lives here once, and errors
 * name the field as {@code docs/glossary.md} does.
 */
public final class DeployInput {

    private BranchRef branch;
    private final DeployRequest.Builder request;
    private List<SecretEntry> secrets = List.of();
    private DeployOptions options = DeployOptions.NONE;
    private String branchFilter;
    private String fork;
    private TrustedForks trustedForks = new TrustedForks(List.of());
    private RouteInput routing = RouteInput.NONE;
    private Webhooks webhooks;

    /**
     * @param branch what to deploy
     * @param manifests a directory (searched recursively) or a single file of YAML; {@code null}
     *     only where nothing is rendered (a change report of the live environment)
     */
    public DeployInput(BranchRef branch, Path manifests) {
        this.branch = Objects.requireNonNull(branch, "branch");
        this.request = DeployRequest.builder(branch, manifests);
    }

    public DeployInput variables(Map<String, String> newVariables) {
        request.variables(newVariables);
        return this;
    }

    public DeployInput secrets(List<SecretEntry> newSecrets) {
        secrets = newSecrets == null ? List.of() : newSecrets;
        return this;
    }

    /**
     * @param base the limits in force where the user typed nothing (the configuration's, or the default)
     * @param text the limits the user typed, e.g. {@code cpu=4,pods=30}, each replacing its own in {@code base}
     */
    public DeployInput quota(Quota base, String text) {
        request.quota(Objects.requireNonNullElse(base, Quota.DEFAULT).with("quota", text));
        return this;
    }

    /** @param fallback the time to live where the user typed none (the configuration's) */
    public DeployInput ttl(Duration fallback, String text) {
        request.ttl(given(text) ? Durations.parse("ttl", text) : fallback);
        return this;
    }

    public DeployInput timeout(String text) {
        request.timeout(given(text) ? Durations.parse("timeout", text) : null);
        return this;
    }

    public DeployInput sourceNamespace(String text) {
        request.sourceNamespace(given(text) ? text.trim() : null);
        return this;
    }

    /**
     * The Service the environment's host routes to, and how: through a Gateway ({@code routeVia},
     * {@code gateway:NAMESPACE/NAME}), else an Ingress of {@code ingressClass} with {@code tlsSecret}
     * (blank: the cluster's default class, plain http). The routing applies to the {@link #webhooks} too.
     *
     * @param service {@code SERVICE[:PORT]}, or blank to expose nothing
     */
    public DeployInput expose(String service, String routeVia, String ingressClass, String tlsSecret) {
        routing = new RouteInput(routeVia, ingressClass, tlsSecret);
        request.exposure(routing.exposure(service));
        return this;
    }

    /**
     * Webhooks from third-party services, routed as the {@link #expose exposure} is.
     *
     * @param service {@code SERVICE[:PORT]} that receives them, or blank for none
     * @param hostTemplate the app's webhook host, blank for {@link Webhooks#DEFAULT_HOST_TEMPLATE}
     * @param ingressAnnotations {@code KEY=VALUE} lines an Ingress controller needs to remove the prefix
     * @throws InvalidInputException when the text is malformed or the host template makes no DNS name
     */
    public DeployInput webhooks(String service, String hostTemplate, List<String> ingressAnnotations) {
        Webhooks parsed = Webhooks.of("webhooks", service);
        WebhookHost.check(hostTemplate);
        webhooks = parsed == null ? null : parsed.withHostTemplate(hostTemplate)
                .withIngressAnnotations("webhookIngressAnnotation", ingressAnnotations);
        return this;
    }

    /** @param keep whether {@code LoadBalancer} Services stay so; by default they become {@code ClusterIP} */
    public DeployInput keepLoadBalancers(boolean keep) {
        request.keepLoadBalancers(keep);
        return this;
    }

    /** @param run the run that deploys, as the front end names it (a Jenkins build's {@code job#number}), or {@code null} */
    public DeployInput deployedBy(String run) {
        request.deployedBy(run);
        return this;
    }

    /** What the manifests are (detected unless given) and a Helm chart's values and tests. */
    public DeployInput source(SourceOptions newSource) {
        request.source(newSource);
        return this;
    }

    /** Who applies the manifests, as {@link ArgoCdInput#applyWith} reads what the user typed. */
    public DeployInput applyWith(String mode, ArgoCdInput argoCd, String manifestsAsTyped, List<String> valuesAsTyped) {
        request.applyWith(Objects.requireNonNullElse(argoCd, ArgoCdInput.NONE).applyWith(mode, manifestsAsTyped, valuesAsTyped, branch.commit()));
        return this;
    }

    public DeployInput database(DatabaseStrategy strategy) {
        options = options.withDatabase(strategy);
        return this;
    }

    /** @param file the smoke tests, or {@code null} for none */
    public DeployInput smokeTests(Path file) {
        options = options.withSmokeChecks(file == null ? List.of() : SmokeTests.read(file));
        return this;
    }

    public DeployInput smokeBaseUrl(URI url) {
        options = options.withSmokeBaseUrl(url);
        return this;
    }

    public DeployInput smokeTimeout(String text) {
        options = options.withSmokeTimeout(given(text) ? Durations.parse("smoke-timeout", text) : null);
        return this;
    }

    /** As {@link ChangeBaseline#of}: a baseline namespace or main's manifests, at most one. */
    public DeployInput baseline(String namespace, Path mainManifests) {
        options = options.withBaseline(ChangeBaseline.of(namespace, mainManifests));
        return this;
    }

    /** As {@link Drift#of}, for this branch. */
    public DeployInput drift(Integer commitsBehind, Integer threshold, String target) {
        options = options.withDrift(Drift.of(branch, commitsBehind, threshold, target));
        return this;
    }

    /**
     * Whether the environment is isolated on the network, and from which namespaces it may still be
     * reached besides its own.
     *
     * @param enabled {@code false} for no NetworkPolicy; {@code null} or {@code true} for one
     * @param allowFrom {@code KEY=VALUE} namespace labels; none keeps {@link NetworkIsolation#DEFAULT}'s ingress namespace
     */
    public DeployInput networkPolicy(Boolean enabled, List<String> allowFrom) {
        NetworkIsolation isolation = NetworkIsolation.allowingFrom(allowFrom); // checks the labels even when opted out
        request.networkIsolation(Boolean.FALSE.equals(enabled) ? NetworkIsolation.NONE : isolation);
        return this;
    }

    /**
     * When the pull request was opened and by whom, for the review metrics.
     *
     * @param openedAt the time typed, ISO-8601, or {@code null} or blank
     * @param firstSeen when the front end first saw the pull request, taken when no time is typed; or {@code null}
     * @param author who opened the pull request, or {@code null} or blank
     * @throws InvalidInputException naming the field when a time is not ISO-8601, or a time or author is
     *     typed for a branch that is no pull request
     */
    public DeployInput changeOpening(String openedAt, Instant firstSeen, String author) {
        if (branch.change() == null) {
            if (given(openedAt) || given(author)) {
                throw new InvalidInputException(given(openedAt) ? "change-opened-at" : "change-author",
                        "belongs to a pull request; give its number (--change) too");
            }
            return this;
        }
        Instant opened = firstSeen;
        if (given(openedAt)) {
            try {
                opened = Instant.parse(openedAt.trim());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("change-opened-at", "'" + openedAt
                        + "' is not an ISO-8601 time; use e.g. 2026-03-02T10:15:00Z");
            }
        }
        branch = branch.withChange(branch.change().withOpening(opened, author));
        return this;
    }

    /**
     * Which branches deploy at all, as {@link BranchFilter#parse} reads it, e.g. {@code main, feature/*, !dependabot/**}.
     *
     * @throws InvalidInputException naming {@code branchFilter} for a pattern that means nothing
     */
    public DeployInput branchFilter(String patterns) {
        BranchFilter.parse(patterns);
        branchFilter = given(patterns) ? patterns.trim() : null;
        return this;
    }

    /** Why this branch is not deployed, when the branch filter leaves it out; then nothing is deployed and there is no URL. */
    public Optional<String> filteredOut() {
        if (branchFilter == null || BranchFilter.parse(branchFilter).accepts(branch.branch())) {
            return Optional.empty();
        }
        return Optional.of("Not deployed: branch " + branch.branch() + " does not pass the branch filter '" + branchFilter + "'");
    }

    /**
     * Where the pull request comes from, and the forks trusted with secrets: a pull request from an
     * untrusted fork is deployed without its secrets and database branch ({@link TrustedForks#allowSecrets}).
     *
     * @param newFork the fork's owner or {@code owner/repository}; {@code null} or blank when the pull
     *     request comes from the repository itself
     * @throws InvalidInputException when a fork is given for a branch that is not a pull request
     */
    public DeployInput fork(String newFork, TrustedForks trusted) {
        if (given(newFork) && branch.change() == null) {
            throw new InvalidInputException("forkOf", "only a pull request comes from a fork; give its number too, or leave out the fork");
        }
        fork = given(newFork) ? newFork.trim() : null;
        trustedForks = Objects.requireNonNull(trusted, "trusted");
        return this;
    }

    /** Whether this deploy gets the secrets and database branch it asks for. */
    public boolean trusted() {
        return trustedForks.allowSecrets(branch, fork);
    }

    /** What an untrusted fork's deploy goes without, when it asked for secrets or a database branch. */
    public Optional<String> untrustedFork() {
        if (trusted() || secrets.isEmpty() && options.database() == null) {
            return Optional.empty();
        }
        return Optional.of("Pull request #" + branch.change().number() + " comes from the fork " + fork
                + ", which is not trusted: its environment gets none of the " + secrets.size()
                + " secrets and no database branch; trust the fork to change that");
    }

    /**
     * The request; an untrusted fork's has no secrets.
     *
     * @throws InvalidInputException when a Gateway is named but neither expose nor webhooks route through it
     */
    public DeployRequest request() {
        DeployRequest built = request.branch(branch).secrets(trusted() ? secrets : List.of())
                .webhooks(routing.webhooks(webhooks)).build();
        routing.check(built.exposure(), built.webhooks());
        return built;
    }

    /** The options; an untrusted fork's have no database branch. */
    public DeployOptions options() {
        return trusted() ? options : options.withDatabase(null);
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }
}
