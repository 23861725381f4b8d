package io.jenkins.plugins.branchdeploy.engine.deploy;

/**
 * Resource limits of one environment, written as a ResourceQuota and a LimitRange. Kubernetes
 * quantities: {@code cpu} like {@code 2} or {@code 500m}, {@code memory} like {@code 4Gi}.
 *
 * @param cpu total CPU limit, e.g. {@code 2}
 * @param memory total memory limit, e.g. {@code 4Gi}
 * @param pods the most pods at once
 */
public record Quota(String cpu, String memory, int pods) {

    public static final Quota DEFAULT = new Quota("2", "4Gi", 20);
}
