package io.jenkins.plugins.branchdeploy.engine.request;

import io.jenkins.plugins.branchdeploy.engine.Durations;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one deploy needs, made with {@link #builder}: by {@code DeployInput} from what a user typed, or directly.
 *
 * @param branch what to deploy
 * @param manifests a directory (searched recursively) or a single file of multi-document YAML
 * @param variables user values for {@code ${VAR}} placeholders, besides the built-in ones
 * @param secrets values to store as Kubernetes Secrets in the namespace
 * @param quota the environment's resource limits
 * @param ttl how long the environment lives after its last deploy
 * @param timeout how long to wait for workloads to become ready
 * @param sourceNamespace the namespace the manifests hard-code (re-homed into the environment's), or {@code null}
 * @param deployedBy the run that deploys, as the front end names it (a Jenkins build's {@code job#number}),
 *        recorded on the environment; or {@code null}
 * @param exposure the Service the environment's host routes to through an added Ingress or HTTPRoute, or {@code null}
 * @param keepLoadBalancers whether {@code LoadBalancer} Services stay so; by default they become {@code ClusterIP}
 * @param source plain YAML, a Helm chart or a Kustomize overlay (detected unless given), and a chart's values
 * @param networkIsolation which namespaces may connect to the environment's pods; {@code null} is
 *        {@link NetworkIsolation#DEFAULT}
 * @param databaseBranch the name of the database branch made for this deploy, recorded on the
 *        environment so that its teardown finds it; or {@code null}
 * @param webhooks the Service that receives third-party webhooks on the app's webhook host, or {@code null}
 * @param applyWith who applies the manifests: the engine ({@link ApplyWith#DIRECT}, the default) or Argo CD
 */
public record DeployRequest(
        BranchRef branch,
        Path manifests,
        Map<String, String> variables,
        List<SecretEntry> secrets,
        Quota quota,
        Duration ttl,
        Duration timeout,
        String sourceNamespace,
        String deployedBy,
        Exposure exposure,
        boolean keepLoadBalancers,
        SourceOptions source,
        NetworkIsolation networkIsolation,
        String databaseBranch,
        Webhooks webhooks,
        ApplyWith applyWith) {

    /** The time to live as users write it; the command line shows it as its default. */
    public static final String DEFAULT_TTL_TEXT = "7d";
    public static final Duration DEFAULT_TTL = Durations.parse("ttl", DEFAULT_TTL_TEXT);
    /** The rollout timeout as users write it. */
    public static final String DEFAULT_TIMEOUT_TEXT = "5m";
    public static final Duration DEFAULT_TIMEOUT = Durations.parse("timeout", DEFAULT_TIMEOUT_TEXT);

    /** Each left-out component takes its default: nothing, {@link Quota#DEFAULT}, {@link #DEFAULT_TTL}, {@link #DEFAULT_TIMEOUT}, detection. */
    public DeployRequest {
        Objects.requireNonNull(branch, "branch");
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        quota = quota == null ? Quota.DEFAULT : quota;
        ttl = ttl == null ? DEFAULT_TTL : ttl;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        source = source == null ? SourceOptions.DETECT : source;
        networkIsolation = networkIsolation == null ? NetworkIsolation.DEFAULT : networkIsolation;
        applyWith = applyWith == null ? ApplyWith.DIRECT : applyWith;
    }

    /**
     * A request for {@code branch}; every component not set takes its default.
     *
     * @param manifests a directory or a single file of YAML; {@code null} only where nothing is rendered
     */
    public static Builder builder(BranchRef branch, Path manifests) {
        return new Builder(branch, manifests);
    }

    /** A builder that starts from this request. */
    public Builder toBuilder() {
        return builder(branch, manifests).variables(variables).secrets(secrets).quota(quota).ttl(ttl).timeout(timeout)
                .sourceNamespace(sourceNamespace).deployedBy(deployedBy).exposure(exposure)
                .keepLoadBalancers(keepLoadBalancers).source(source).networkIsolation(networkIsolation)
                .databaseBranch(databaseBranch).webhooks(webhooks).applyWith(applyWith);
    }

    /** This request going with the database branch {@code name}, whose connection details are among {@code newSecrets}. */
    public DeployRequest withDatabaseBranch(String name, List<SecretEntry> newSecrets) {
        return toBuilder().secrets(newSecrets).databaseBranch(name).build();
    }

    /** Sets the components of a {@link DeployRequest} by name; {@code null} leaves a component at its default. */
    public static final class Builder {
        private BranchRef branch;
        private final Path manifests;
        private Map<String, String> variables;
        private List<SecretEntry> secrets;
        private Quota quota;
        private Duration ttl;
        private Duration timeout;
        private String sourceNamespace;
        private String deployedBy;
        private Exposure exposure;
        private boolean keepLoadBalancers;
        private SourceOptions source;
        private NetworkIsolation networkIsolation;
        private String databaseBranch;
        private Webhooks webhooks;
        private ApplyWith applyWith;

        private Builder(BranchRef branch, Path manifests) {
            this.branch = Objects.requireNonNull(branch, "branch");
            this.manifests = manifests;
        }

        public Builder branch(BranchRef value) {
            branch = Objects.requireNonNull(value, "branch");
            return this;
        }

        public Builder variables(Map<String, String> value) {
            variables = value;
            return this;
        }

        public Builder secrets(List<SecretEntry> value) {
            secrets = value;
            return this;
        }

        public Builder quota(Quota value) {
            quota = value;
            return this;
        }

        public Builder ttl(Duration value) {
            ttl = value;
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        public Builder sourceNamespace(String value) {
            sourceNamespace = value;
            return this;
        }

        public Builder deployedBy(String value) {
            deployedBy = value;
            return this;
        }

        public Builder exposure(Exposure value) {
            exposure = value;
            return this;
        }

        public Builder keepLoadBalancers(boolean value) {
            keepLoadBalancers = value;
            return this;
        }

        public Builder source(SourceOptions value) {
            source = value;
            return this;
        }

        public Builder networkIsolation(NetworkIsolation value) {
            networkIsolation = value;
            return this;
        }

        public Builder databaseBranch(String value) {
            databaseBranch = value;
            return this;
        }

        public Builder webhooks(Webhooks value) {
            webhooks = value;
            return this;
        }

        public Builder applyWith(ApplyWith value) {
            applyWith = value;
            return this;
        }

        public DeployRequest build() {
            return new DeployRequest(branch, manifests, variables, secrets, quota, ttl, timeout, sourceNamespace, deployedBy,
                    exposure, keepLoadBalancers, source, networkIsolation, databaseBranch, webhooks, applyWith);
        }
    }
}
