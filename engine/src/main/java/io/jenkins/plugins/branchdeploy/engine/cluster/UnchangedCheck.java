package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a redeploy that writes nothing needs besides the same manifests: the environment recorded
 * ready for the same owner, and its Secrets holding the same data. Secret values are compared with
 * the live Secrets, since no digest of them is recorded.
 */
final class UnchangedCheck {

    private final KubernetesClient client;
    private final ApiCalls api;
    private final String owner;
    private final String namespace;
    private final ProgressListener progress;

    /** @param owner the project deploying, or {@code null} for none */
    UnchangedCheck(KubernetesClient client, ApiCalls api, String owner, String namespace, ProgressListener progress) {
        this.client = client;
        this.api = api;
        this.owner = owner;
        this.namespace = namespace;
        this.progress = progress;
    }

    /** Whether the environment is recorded ready, and a deploy would not change its owner. */
    boolean recordedReady(Namespace live) {
        // an environment without an owner is adopted by the first deploy of a project: that is a write
        return EnvironmentNamespace.status(live) == EnvironmentStatus.READY
                && (owner == null || owner.equals(EnvironmentNamespace.annotation(live, ClusterContract.OWNER)));
    }

    /**
     * What {@code live} records of its last deploy's input, when that is {@code digest} and the
     * environment is {@code installation}'s, not being deleted, and {@linkplain #recordedReady ready}.
     *
     * @param live the namespace, or {@code null} when it does not exist
     */
    Optional<RecordedInput> sameInput(Namespace live, String digest, String installation) {
        if (live == null || !EnvironmentNamespace.isOwnedBy(live, installation) || EnvironmentNamespace.isTerminating(live)
                || !recordedReady(live)) {
            return Optional.empty();
        }
        return RecordedInput.of(live).filter(recorded -> recorded.digest().equals(digest));
    }

    /** Whether the live Secrets hold what {@code secrets} would write; reads them only when there are any. */
    boolean sameSecrets(List<Secret> secrets) {
        if (secrets.isEmpty()) {
            return true;
        }
        Map<String, Map<String, String>> liveData = new LinkedHashMap<>();
        api.call("read the secrets of " + namespace, progress, () -> client.secrets().inNamespace(namespace)
                        .withLabel(ClusterContract.MANAGED_BY, ClusterContract.MANAGED_BY_VALUE).list().getItems())
                .forEach(s -> liveData.put(s.getMetadata().getName(), s.getData() == null ? Map.of() : s.getData()));
        return secrets.stream().allMatch(s -> s.getData().equals(liveData.get(s.getMetadata().getName())));
    }
}
