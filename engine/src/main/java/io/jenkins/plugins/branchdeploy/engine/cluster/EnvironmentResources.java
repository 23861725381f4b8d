package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.request.SecretEntry;
import io.jenkins.plugins.branchdeploy.engine.shaping.ContainerDefaults;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every environment gets besides its manifests: a ResourceQuota and a LimitRange from the
 * quota (the LimitRange gives containers without requests and limits defaults within it), and
 * the caller's Secrets, labelled as the engine's.
 */
final class EnvironmentResources {

    /** Name of the ResourceQuota and the LimitRange. */
    static final String NAME = "branch-deploy";

    private EnvironmentResources() {}

    static void validate(Quota quota) {
        quantity("cpu", quota.cpu(), "2 or 500m");
        quantity("memory", quota.memory(), "4Gi or 512Mi");
        if (quota.pods() <= 0) {
            throw new InvalidInputException("quota", "pods must be a positive number, got " + quota.pods());
        }
    }

    static List<HasMetadata> limits(Quota quota) {
        Quantity cpu = new Quantity(quota.cpu());
        Quantity memory = new Quantity(quota.memory());
        HasMetadata resourceQuota = new ResourceQuotaBuilder().withNewMetadata().withName(NAME).withLabels(ownLabels()).endMetadata()
                .withNewSpec().withHard(new TreeMap<>(Map.of(
                        "requests.cpu", cpu, "limits.cpu", cpu,
                        "requests.memory", memory, "limits.memory", memory,
                        "pods", new Quantity(String.valueOf(quota.pods())))))
                .endSpec().build();
        ContainerDefaults defaults = ContainerDefaults.within(quota);
        HasMetadata limitRange = new LimitRangeBuilder().withNewMetadata().withName(NAME).withLabels(ownLabels()).endMetadata()
                .withNewSpec().addNewLimit().withType("Container")
                .withDefaultRequest(Map.of("cpu", defaults.cpuRequest(), "memory", defaults.memoryRequest()))
                .withDefault(Map.of("cpu", defaults.cpuLimit(), "memory", defaults.memoryLimit()))
                .withMax(Map.of("cpu", cpu, "memory", memory))
                .endLimit().endSpec().build();
        return List.of(resourceQuota, limitRange);
    }

    /** One Secret per secret name, holding all its keys. */
    static List<Secret> secrets(List<SecretEntry> entries) {
        Map<String, Map<String, String>> byName = new TreeMap<>();
        for (SecretEntry entry : entries) {
            Map<String, String> data = byName.computeIfAbsent(entry.secretName(), n -> new TreeMap<>());
            if (data.put(entry.key(), base64(entry.value())) != null) {
                throw new InvalidInputException("secrets", entry.secretName() + "/" + entry.key() + " is given twice; give each key once");
            }
        }
        List<Secret> secrets = new ArrayList<>();
        byName.forEach((name, data) -> secrets.add(new SecretBuilder().withNewMetadata().withName(name).withLabels(ownLabels())
                .endMetadata().withType("Opaque").withData(data).build()));
        return secrets;
    }

    static Map<String, String> ownLabels() {
        return Map.of(ClusterContract.MANAGED_BY, ClusterContract.MANAGED_BY_VALUE);
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static void quantity(String name, String value, String example) {
        try {
            if (value == null || Quantity.getAmountInBytes(new Quantity(value)).signum() <= 0) {
                throw new IllegalArgumentException("not positive");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("quota", name + " '" + value + "' is not a positive Kubernetes quantity; write e.g. "
                    + name + "=" + example);
        }
    }
}
