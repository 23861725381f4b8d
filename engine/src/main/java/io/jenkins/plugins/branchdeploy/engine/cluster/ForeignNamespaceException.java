package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.jenkins.plugins.branchdeploy.engine.RefusedException;

/**
 * Refusal to modify a namespace this installation does not own: it lacks the
 * {@link ClusterContract#MANAGED_BY} label or carries another {@link ClusterContract#INSTALLATION}.
 */
public class ForeignNamespaceException extends RefusedException {

    private static final long serialVersionUID = 1L;

    private final String namespace;

    public ForeignNamespaceException(String namespace, String installation) {
        super("namespace '" + namespace + "' is not an environment of installation '" + installation
                + "' (it lacks the labels " + ClusterContract.ownedBy(installation)
                + "); Branch Deploy never modifies it. Delete it yourself or choose another namespace template");
        this.namespace = namespace;
    }

    public String getNamespace() {
        return namespace;
    }
}
