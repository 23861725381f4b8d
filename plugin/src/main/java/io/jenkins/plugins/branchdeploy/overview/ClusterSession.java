package io.jenkins.plugins.branchdeploy.overview;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.ClusterConfig;
import io.jenkins.plugins.branchdeploy.config.SettingsResolver;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.facade.JenkinsFacade;
import java.util.Optional;

/**
 * This Jenkins' environments on one cluster, reached with the system's credentials and named by
 * the global settings: for work that belongs to no build (this page, periodic cleanup).
 */
public final class ClusterSession implements AutoCloseable {

    private static final JenkinsFacade JENKINS = new JenkinsFacade();

    private final KubernetesClient client;
    private final BranchEnvironments environments;

    private ClusterSession(KubernetesClient client, BranchEnvironments environments) {
        this.client = client;
        this.environments = environments;
    }

    /**
     * @throws io.jenkins.plugins.branchdeploy.engine.InvalidInputException naming the field when the
     *     global domain or a template, the installation id or the cluster's credentials are unusable
     */
    public static ClusterSession open(BranchDeployConfiguration config, ClusterConfig cluster) {
        NamingPolicy naming = new NamingPolicy(config.getDomain(), config.getNamespaceTemplate(), config.getHostTemplate());
        KubernetesClient client = cluster.connect(JENKINS.root());
        return new ClusterSession(client, new BranchEnvironments(client, new SettingsResolver(config).installationId(), naming));
    }

    public BranchEnvironments environments() {
        return environments;
    }

    /** The environment in {@code namespace}, as the inventory reads it now: never what a form claims. */
    Optional<Environment> find(String namespace) {
        return environments.inventory().all().stream().filter(e -> e.namespace().equals(namespace)).findFirst();
    }

    @Override
    public void close() {
        client.close();
    }
}
