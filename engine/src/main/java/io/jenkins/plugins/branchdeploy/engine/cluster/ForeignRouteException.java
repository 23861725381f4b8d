package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.jenkins.plugins.branchdeploy.engine.RefusedException;

/**
 * Refusal to change a default webhook route that another installation (or someone else) owns: it
 * lacks the {@link ClusterContract#MANAGED_BY} label or carries another {@link ClusterContract#INSTALLATION}.
 */
public class ForeignRouteException extends RefusedException {

    private static final long serialVersionUID = 1L;

    ForeignRouteException(String namespace, String name, String installation) {
        super("HTTPRoute " + namespace + "/" + name + " is not a default webhook route of installation '" + installation
                + "' (it lacks the labels " + ClusterContract.ownedBy(installation) + "); Branch Deploy never modifies it. "
                + "Give this installation's apps other names, or another webhook host template and Gateway");
    }
}
