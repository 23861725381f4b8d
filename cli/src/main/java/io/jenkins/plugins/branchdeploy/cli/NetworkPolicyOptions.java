package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.request.NetworkIsolation;
import java.util.List;
import picocli.CommandLine.Option;

/** Whether the environment is isolated on the network, and which namespaces may still reach it. */
class NetworkPolicyOptions {

    @Option(names = "--allow-from-namespace", paramLabel = "KEY=VALUE", description = "Namespaces with this label may connect "
            + "to the environment's pods besides its own, e.g. the ingress controller's; repeatable (default: "
            + NetworkIsolation.DEFAULT_ALLOW_FROM_TEXT + ").")
    List<String> allowFromNamespaces = List.of();

    @Option(names = "--no-network-policy", description = "Give the environment no NetworkPolicy: pods of every namespace may connect to it.")
    boolean noNetworkPolicy;

    /** As {@code DeployInput#networkPolicy} takes it: {@code false} to opt out, else {@code null} for the default. */
    Boolean enabled() {
        return noNetworkPolicy ? Boolean.FALSE : null;
    }
}
