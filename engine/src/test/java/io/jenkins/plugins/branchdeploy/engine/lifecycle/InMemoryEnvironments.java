package io.jenkins.plugins.branchdeploy.engine.lifecycle;

import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.ScaleDownCause;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Environments as replica counts per workload, with the same idempotence the cluster
 * implementation promises; namespaces in {@link #failing} refuse every change.
 */
final class InMemoryEnvironments implements EnvironmentActions {

    final Map<String, Map<String, Integer>> replicas = new HashMap<>();
    final Map<String, Map<String, Integer>> recorded = new HashMap<>();
    /** Namespace to why it was scaled down. */
    final Map<String, ScaleDownCause> causes = new HashMap<>();
    /** Namespace to why it was torn down. */
    final Map<String, TeardownCause> tornDown = new LinkedHashMap<>();
    /** Namespace to the failure every change of it throws. */
    final Map<String, RuntimeException> failing = new HashMap<>();
    int changes;

    void add(String namespace, Map<String, Integer> workloads) {
        replicas.put(namespace, new LinkedHashMap<>(workloads));
    }

    @Override
    public void teardown(Environment environment, TeardownCause cause) {
        refuseIfFailing(environment);
        if (replicas.remove(environment.namespace()) != null) {
            tornDown.put(environment.namespace(), cause);
            recorded.remove(environment.namespace());
            causes.remove(environment.namespace());
            changes++;
        }
    }

    @Override
    public void scaleDown(Environment environment, ScaleDownCause cause) {
        refuseIfFailing(environment);
        causes.putIfAbsent(environment.namespace(), cause);
        Map<String, Integer> workloads = replicas.get(environment.namespace());
        if (workloads != null && !recorded.containsKey(environment.namespace())) {
            recorded.put(environment.namespace(), new LinkedHashMap<>(workloads));
            workloads.replaceAll((name, count) -> 0);
            changes++;
        }
    }

    @Override
    public void wake(Environment environment) {
        refuseIfFailing(environment);
        Map<String, Integer> before = recorded.remove(environment.namespace());
        causes.remove(environment.namespace());
        if (before != null) {
            replicas.put(environment.namespace(), before);
            changes++;
        }
    }

    private void refuseIfFailing(Environment environment) {
        RuntimeException failure = failing.get(environment.namespace());
        if (failure != null) {
            throw failure;
        }
    }
}
