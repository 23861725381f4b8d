package io.jenkins.plugins.branchdeploy.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine.Command;

/**
 * Starts connecting to the cluster before picocli reads the options, for a deploy: reading the
 * kubeconfig and starting the HTTP client take as long as reading the options, and an unchanged
 * redeploy needs the cluster before anything else. Only {@code --kubeconfig} and {@code --context}
 * are looked at; the connection is used only when the options read later name the same ones.
 */
final class ConnectionHeadStart {

    private static Started started;

    private record Started(Path kubeconfig, String context, KubernetesClient client) {}

    private ConnectionHeadStart() {}

    static synchronized void forCommand(String[] args) {
        if (args.length > 0 && args[0].equals(DeployCommand.class.getAnnotation(Command.class).name())) {
            Path kubeconfig = optionValue(args, ClusterOptions.KUBECONFIG).map(Path::of).orElse(null);
            String context = optionValue(args, ClusterOptions.CONTEXT).orElse(null);
            started = new Started(kubeconfig, context, ClusterOptions.connectAhead(kubeconfig, context));
        }
    }

    /**
     * The connection started for these options, once; {@code null} when none was, or it was for
     * others (then it is closed).
     */
    static synchronized KubernetesClient take(Path kubeconfig, String context) {
        Started taken = started;
        started = null;
        if (taken == null) {
            return null;
        }
        if (Objects.equals(taken.kubeconfig(), kubeconfig) && Objects.equals(taken.context(), context)) {
            return taken.client();
        }
        taken.client().close();
        return null;
    }

    /** The value of {@code --name VALUE} or {@code --name=VALUE}, the last one given. */
    static Optional<String> optionValue(String[] args, String name) {
        String value = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals(name) && i + 1 < args.length) {
                value = args[++i];
            } else if (args[i].startsWith(name + "=")) {
                value = args[i].substring(name.length() + 1);
            }
        }
        return Optional.ofNullable(value);
    }
}
