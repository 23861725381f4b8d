package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.jenkins.plugins.branchdeploy.engine.RefusedException;

/**
 * Refusal to modify an Argo CD Application this installation does not own: it lacks the
 * {@link ClusterContract#MANAGED_BY} label or carries another {@link ClusterContract#INSTALLATION}.
 */
public class ForeignApplicationException extends RefusedException {

    private static final long serialVersionUID = 1L;

    public ForeignApplicationException(String namespace, String name, String installation) {
        super("Argo CD Application '" + namespace + "/" + name + "' is not one of installation '" + installation
                + "' (it lacks the labels " + ClusterContract.ownedBy(installation)
                + "); Branch Deploy never modifies it. Rename or delete it yourself, or choose another namespace template");
    }
}
