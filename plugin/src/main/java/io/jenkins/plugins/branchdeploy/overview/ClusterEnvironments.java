package io.jenkins.plugins.branchdeploy.overview;

import java.util.List;

/** The overview's section for one cluster: its environments, or why they could not be listed. */
public final class ClusterEnvironments {

    private final String cluster;
    private final List<EnvironmentRow> environments;
    private final String error;

    ClusterEnvironments(String cluster, List<EnvironmentRow> environments, String error) {
        this.cluster = cluster;
        this.environments = List.copyOf(environments);
        this.error = error;
    }

    public String getCluster() {
        return cluster;
    }

    public List<EnvironmentRow> getEnvironments() {
        return environments;
    }

    /** Why the cluster could not be read, or {@code null}. */
    public String getError() {
        return error;
    }
}
