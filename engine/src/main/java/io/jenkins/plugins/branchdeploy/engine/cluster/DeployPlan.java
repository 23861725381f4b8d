package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.shaping.ShapedManifests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deploy request checked and turned into what is written, without a cluster: the refusals of bad
 * durations, secrets and name clashes happen here, before the first request.
 *
 * @param ownResources what the environment gets besides its manifests and secrets: quota, limits, NetworkPolicy
 */
record DeployPlan(EnvironmentNames names, Duration ttl, Duration timeout, List<RenderedManifest> manifests,
        List<Secret> secrets, List<HasMetadata> ownResources) {

    /**
     * @param shaped the request's manifests, rendered and shaped for the environment
     * @throws InvalidInputException naming the field of the first problem
     */
    static DeployPlan of(EnvironmentNames names, DeployRequest request, ShapedManifests shaped) {
        List<RenderedManifest> manifests = shaped.manifests();
        Duration ttl = positive("ttl", request.ttl());
        Duration timeout = positive("timeout", request.timeout());
        List<Secret> secrets = EnvironmentResources.secrets(request.secrets());
        List<HasMetadata> own = new ArrayList<>(EnvironmentResources.limits(shaped.quota()));
        own.addAll(EnvironmentResources.networkPolicies(request.networkIsolation()));
        refuseClashes(manifests, secrets, own);
        return new DeployPlan(names, ttl, timeout, manifests, secrets, List.copyOf(own));
    }

    /**
     * The checks that need no rendered manifests (durations, secrets), so that they come before a
     * Helm chart's rendering asks the cluster for its version.
     *
     * @throws InvalidInputException naming the field of the first problem
     */
    static void checkRequest(DeployRequest request) {
        positive("ttl", request.ttl());
        positive("timeout", request.timeout());
        EnvironmentResources.secrets(request.secrets());
    }

    private static void refuseClashes(List<RenderedManifest> manifests, List<Secret> secrets, List<HasMetadata> own) {
        Map<String, String> owned = new HashMap<>();
        secrets.forEach(s -> owned.put("Secret/" + s.getMetadata().getName(), "secret " + s.getMetadata().getName()));
        own.forEach(l -> owned.put(l.getKind() + "/" + l.getMetadata().getName(), "the environment's own " + l.getKind()));
        for (RenderedManifest manifest : manifests) {
            String clash = owned.get(manifest.kindAndName());
            if (clash != null) {
                throw new InvalidInputException("manifests", manifest.describe() + " has the name of " + clash
                        + ", which the deploy creates itself; rename one of them");
            }
        }
    }

    private static Duration positive(String field, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new InvalidInputException(field, "must be longer than zero, got " + value);
        }
        return value;
    }
}
