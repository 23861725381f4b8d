package io.jenkins.plugins.branchdeploy.config;

import io.jenkins.plugins.branchdeploy.engine.branch.BranchFilter;
import io.jenkins.plugins.branchdeploy.engine.branch.TrustedForks;
import io.jenkins.plugins.branchdeploy.engine.deploy.ArgoCdInput;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.ApplyWith;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import java.time.Duration;
import java.util.List;

/**
 * The settings that hold for one job: the global configuration, overridden by each enclosing
 * folder or multibranch project from the outermost in, then by the job's own property.
 *
 * @param installationId the id that marks this Jenkins' environments
 * @param cluster the cluster to deploy to
 * @param domain the domain environment hosts live under, or {@code null} when none is configured
 * @param namespaceTemplate the namespace pattern, or {@code null} for the engine's default
 * @param hostTemplate the host pattern, or {@code null} for the engine's default
 * @param quota each environment's resource limits
 * @param ttl how long an environment lives after its last deploy
 * @param trustedForks the forks whose pull requests get secrets
 * @param branchFilter which branches get an environment
 * @param ingressClass the class of the Ingress that {@code expose} adds, or {@code null} for the cluster's default
 * @param tlsSecret the Secret with the certificate of the host {@code expose} routes, or {@code null} for plain http
 * @param allowFromNamespaces the {@code KEY=VALUE} labels of the namespaces besides its own that may reach an environment
 * @param webhookHostTemplate the webhook host of each app, or {@code null} for the engine's default
 * @param webhookIngressAnnotations the {@code KEY=VALUE} annotations that make the ingress controller remove a webhook route's prefix
 * @param argoCd the Argo CD hand-off environments get by default, or {@code null} when the step applies them itself
 */
public record EffectiveSettings(
        String installationId,
        ClusterConfig cluster,
        String domain,
        String namespaceTemplate,
        String hostTemplate,
        Quota quota,
        Duration ttl,
        TrustedForks trustedForks,
        BranchFilter branchFilter,
        String ingressClass,
        String tlsSecret,
        List<String> allowFromNamespaces,
        String webhookHostTemplate,
        List<String> webhookIngressAnnotations,
        ArgoCdOptions argoCd) {

    /**
     * How this job's environments are named.
     *
     * @throws io.jenkins.plugins.branchdeploy.engine.InvalidInputException naming the field when
     *     the domain is missing or a template is malformed
     */
    public NamingPolicy namingPolicy() {
        return new NamingPolicy(domain, namespaceTemplate, hostTemplate);
    }

    /**
     * Whether a pull request from this fork may receive secrets.
     *
     * @param forkOwnerOrRepo the fork's owner ({@code octocat}) or repository ({@code octocat/shop})
     */
    public boolean trustFork(String forkOwnerOrRepo) {
        return trustedForks.trusts(forkOwnerOrRepo);
    }

    /** Who applies a step's environment: the step's {@code applyWith}, else Argo CD where the settings give it, else the engine's default. */
    public String applyWith(String stepChoice) {
        return stepChoice != null ? stepChoice : argoCd != null ? ApplyWith.ARGOCD_NAME : null;
    }

    /**
     * The Argo CD fields of a step ({@code argoCd}, or {@code null}) over these settings' when Argo CD applies;
     * else the step's own, which the engine refuses as stray.
     */
    public ArgoCdInput argoCd(String stepChoice, ArgoCdOptions step) {
        if (!ApplyWith.isArgoCd(applyWith(stepChoice))) {
            return step == null ? ArgoCdInput.NONE : step.input();
        }
        ArgoCdOptions merged = step == null ? argoCd : step.over(argoCd);
        return merged == null ? ArgoCdInput.NONE : merged.input();
    }

    /** Whether this branch gets an environment at all. */
    public boolean deploys(String branch) {
        return branchFilter.accepts(branch);
    }
}
