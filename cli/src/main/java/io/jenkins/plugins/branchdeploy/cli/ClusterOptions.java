package io.jenkins.plugins.branchdeploy.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.nio.file.Path;
import java.util.function.Supplier;
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
     * A client for the chosen cluster, connected on its first use, before the first request: then the
     * kubeconfig is read and checked ({@link Kubeconfig}). It does not retry by itself: the engine
     * retries what is worth retrying. It talks through the JDK's HTTP client, which a short-lived
     * command starts much faster than Vert.x.
     */
    public KubernetesClient connect() {
        return LazyClient.of(connection());
    }

    /**
     * As {@link #connect()}, but connecting starts now on another thread: for a command that will
     * certainly use the cluster once it has done work of its own (a deploy renders first).
     */
    public KubernetesClient connectAhead() {
        return LazyClient.ahead(connection());
    }

    private Supplier<KubernetesClient> connection() {
        Kubeconfig kubeconfigs = Kubeconfig.ofThisProcess();
        return () -> {
            Config config = kubeconfigs.config(kubeconfig, context);
            config.setRequestRetryBackoffLimit(0);
            return new KubernetesClientBuilder().withHttpClientFactory(new JdkHttpClientFactory()).withConfig(config).build();
        };
    }

    public String installation() {
        return installation;
    }
}
