package io.jenkins.plugins.branchdeploy.engine.request;

import io.jenkins.plugins.branchdeploy.engine.Durations;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything one deploy needs. Built by the Pipeline step or the command line.
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
        SourceOptions source) {

    /** The time to live as users write it; the command line shows it as its default. */
    public static final String DEFAULT_TTL_TEXT = "7d";
    public static final Duration DEFAULT_TTL = Durations.parse("ttl", DEFAULT_TTL_TEXT);
    /** The rollout timeout as users write it. */
    public static final String DEFAULT_TIMEOUT_TEXT = "5m";
    public static final Duration DEFAULT_TIMEOUT = Durations.parse("timeout", DEFAULT_TIMEOUT_TEXT);

    public DeployRequest {
        variables = Map.copyOf(variables);
        secrets = List.copyOf(secrets);
        source = source == null ? SourceOptions.DETECT : source;
    }

    /** A request that names no run, exposes nothing and turns load balancers into ClusterIP Services, its source detected. */
    public DeployRequest(BranchRef branch, Path manifests, Map<String, String> variables, List<SecretEntry> secrets,
            Quota quota, Duration ttl, Duration timeout, String sourceNamespace) {
        this(branch, manifests, variables, secrets, quota, ttl, timeout, sourceNamespace, null);
    }

    /** A request that exposes nothing and turns load balancers into ClusterIP Services, its source detected. */
    public DeployRequest(BranchRef branch, Path manifests, Map<String, String> variables, List<SecretEntry> secrets,
            Quota quota, Duration ttl, Duration timeout, String sourceNamespace, String deployedBy) {
        this(branch, manifests, variables, secrets, quota, ttl, timeout, sourceNamespace, deployedBy, null, false,
                SourceOptions.DETECT);
    }

    /** This request with other secrets, e.g. with the database branch's. */
    public DeployRequest withSecrets(List<SecretEntry> newSecrets) {
        return new DeployRequest(branch, manifests, variables, newSecrets, quota, ttl, timeout, sourceNamespace, deployedBy,
                exposure, keepLoadBalancers, source);
    }
}
