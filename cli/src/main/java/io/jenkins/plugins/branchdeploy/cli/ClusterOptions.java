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

    static final String KUBECONFIG = "--kubeconfig";
    static final String CONTEXT = "--context";

    @Option(names = KUBECONFIG, paramLabel = "FILE",
            description = "Kubeconfig file (default: $KUBECONFIG, else ~/.kube/config, else the in-cluster service account).")
    Path kubeconfig;

    @Option(names = CONTEXT, paramLabel = "NAME", description = "Kubeconfig context (default: the current context).")
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
        return LazyClient.of(connection(kubeconfig, context));
    }

    /**
     * As {@link #connect()}, but connecting starts now on another thread (or started before the
     * options were read, {@link ConnectionHeadStart}): for a command that will certainly use the
     * cluster once it has done work of its own (a deploy renders first).
     */
    public KubernetesClient connectAhead() {
        KubernetesClient early = ConnectionHeadStart.take(kubeconfig, context);
        return early != null ? early : connectAhead(kubeconfig, context);
    }

    static KubernetesClient connectAhead(Path kubeconfig, String context) {
        return LazyClient.ahead(connection(kubeconfig, context));
    }

    private static Supplier<KubernetesClient> connection(Path kubeconfig, String context) {
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
