package io.jenkins.plugins.branchdeploy.engine.shaping;

import io.fabric8.kubernetes.api.model.Quantity;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;

/**
 * What the environment's LimitRange gives a container that sets no requests or limits of its own:
 * fixed defaults, each capped at the quota.
 *
 * @param cpuRequest e.g. {@code 100m}
 * @param memoryRequest e.g. {@code 128Mi}
 * @param cpuLimit e.g. {@code 500m}
 * @param memoryLimit e.g. {@code 512Mi}
 */
public record ContainerDefaults(Quantity cpuRequest, Quantity memoryRequest, Quantity cpuLimit, Quantity memoryLimit) {

    /** The defaults before the quota caps them. */
    public static final ContainerDefaults UNCAPPED = new ContainerDefaults(
            new Quantity("100m"), new Quantity("128Mi"), new Quantity("500m"), new Quantity("512Mi"));

    /** The defaults within {@code quota}: none larger than the whole quota. */
    public static ContainerDefaults within(Quota quota) {
        Quantity cpu = new Quantity(quota.cpu());
        Quantity memory = new Quantity(quota.memory());
        return new ContainerDefaults(smaller(UNCAPPED.cpuRequest, cpu), smaller(UNCAPPED.memoryRequest, memory),
                smaller(UNCAPPED.cpuLimit, cpu), smaller(UNCAPPED.memoryLimit, memory));
    }

    private static Quantity smaller(Quantity preferred, Quantity cap) {
        return preferred.getNumericalAmount().compareTo(cap.getNumericalAmount()) <= 0 ? preferred : cap;
    }
}
