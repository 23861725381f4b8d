package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.jenkins.plugins.branchdeploy.engine.RefusedException;

/**
 * Refusal of a project to change an environment another project of the same installation owns
 * ({@link ClusterContract#OWNER}): a project acts only on its own environments.
 */
public class EnvironmentOwnedElsewhereException extends RefusedException {

    private static final long serialVersionUID = 1L;

    private final String namespace;
    private final String owner;

    public EnvironmentOwnedElsewhereException(String namespace, String owner, String caller) {
        super("environment '" + namespace + "' belongs to project '" + owner + "', not to '" + caller
                + "'; a project may only deploy, tear down, extend, scale down or wake its own environments. "
                + "Check the app name (give this project's own app), or let project '" + owner + "' do it");
        this.namespace = namespace;
        this.owner = owner;
    }

    public String getNamespace() {
        return namespace;
    }

    /** The project that owns the environment. */
    public String getOwner() {
        return owner;
    }
}
