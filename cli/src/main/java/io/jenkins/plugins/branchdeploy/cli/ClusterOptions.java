package io.jenkins.plugins.branchdeploy.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
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

    /**
     * A client for the chosen cluster, connected on its first use. It does not retry by itself: the engine
     * retries what is worth retrying. It talks through the JDK's HTTP client, which a short-lived command
     * starts much faster than Vert.x.
     */
    public KubernetesClient connect() {
        if (kubeconfig != null && !Files.isRegularFile(kubeconfig)) {
            throw new InvalidInputException("kubeconfig", kubeconfig + " does not exist; give the path of a kubeconfig file");
        }
        return LazyClient.of(() -> {
            Config config = kubeconfig != null ? Config.fromKubeconfig(context, kubeconfig.toFile()) : Config.autoConfigure(context);
            config.setRequestRetryBackoffLimit(0);
            return new KubernetesClientBuilder().withHttpClientFactory(new JdkHttpClientFactory()).withConfig(config).build();
        });
    }

    public String installation() {
        return installation;
    }
}
