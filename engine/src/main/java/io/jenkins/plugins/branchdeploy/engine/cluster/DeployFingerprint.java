package io.jenkins.plugins.branchdeploy.engine.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.jenkins.plugins.branchdeploy.engine.ContentDigest;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import java.time.Duration;
import java.util.List;

/**
 * A digest of everything a deploy would write except secret values: the rendered objects, the
 * names and keys of the Secrets, the branch, change, commit and time-to-live. Equal digests mean
 * the manifests did not change. Secret values are compared with the live Secrets instead, so no
 * digest of a secret (which short values would make guessable) is ever stored.
 */
final class DeployFingerprint {

    private static final ObjectMapper CANONICAL = JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private DeployFingerprint() {}

    static String of(List<HasMetadata> objects, List<Secret> secrets, BranchRef branch, Duration ttl, KubernetesSerialization json) {
        ContentDigest digest = new ContentDigest();
        for (HasMetadata object : objects) {
            digest.add(canonical(json.asJson(object)));
        }
        for (Secret secret : secrets) {
            digest.add("secret " + secret.getMetadata().getName() + " " + secret.getData().keySet());
        }
        return digest.add("branch " + branch.branch())
                .add("change " + branch.changeRequest().map(c -> String.valueOf(c.number())).orElse(""))
                .add("commit " + (branch.commit() == null ? "" : branch.commit()))
                .add("ttl " + ttl)
                .value();
    }

    /** The JSON with every object's keys sorted: the same object gives the same text in any process. */
    private static String canonical(String json) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot re-read the JSON of a rendered object", e);
        }
    }
}
