package io.jenkins.plugins.branchdeploy.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to a cluster shares: which cluster, as whom, and which
 * installation's environments.
 */
public class ClusterOptions {

    /** The installation id when neither {@code --installation-id} nor {@value #INSTALLATION_VARIABLE} is given. */
    public static final String DEFAULT_INSTALLATION = "cli";
    public static final String INSTALLATION_VARIABLE = "BRANCH_DEPLOY_INSTALLATION";

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig file (default: $KUBECONFIG, else ~/.kube/config, else the in-cluster service account).")
    Path kubeconfig;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: the current context).")
    String context;

    @Option(names = "--installation-id", paramLabel = "ID", defaultValue = "${env:" + INSTALLATION_VARIABLE + ":-" + DEFAULT_INSTALLATION + "}",
            description = "Whose environments these are: only namespaces labelled with this id are touched "
                    + "(default: $" + INSTALLATION_VARIABLE + ", else " + DEFAULT_INSTALLATION + ").")
    String installation;

    /** A client for the chosen cluster. It does not retry by itself: the engine retries what is worth retrying. */
    public KubernetesClient connect() {
        Config config;
        if (kubeconfig != null) {
            if (!Files.isRegularFile(kubeconfig)) {
                throw new InvalidInputException("kubeconfig", kubeconfig + " does not exist; give the path of a kubeconfig file");
            }
            config = Config.fromKubeconfig(context, kubeconfig.toFile());
        } else {
            config = Config.autoConfigure(context);
        }
        config.setRequestRetryBackoffLimit(0);
        return new KubernetesClientBuilder().withConfig(config).build();
    }

    public String installation() {
        return installation;
    }
}
