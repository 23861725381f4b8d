package io.jenkins.plugins.branchdeploy.engine.request;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether an environment's pods accept connections from other namespaces. Isolated (the default),
 * they accept them only from their own namespace and from namespaces carrying one of the labels in
 * {@code allowFrom}: the ingress controller's, so that the environment's URL still works. The
 * cluster's network plugin enforces this; one without NetworkPolicy support ignores it.
 *
 * @param isolated whether the environment gets its NetworkPolicy
 * @param allowFrom labels of the namespaces that may connect besides the environment's own, any one of them suffices
 */
public record NetworkIsolation(boolean isolated, List<NamespaceLabel> allowFrom) {

    /** The field in errors: the configuration's and the command line's {@code allowFromNamespace}. */
    public static final String FIELD = "allowFromNamespace";
    /** The ingress-nginx controller's namespace, by the label Kubernetes gives every namespace. */
    public static final String DEFAULT_ALLOW_FROM_TEXT = "kubernetes.io/metadata.name=ingress-nginx";
    public static final NetworkIsolation DEFAULT = new NetworkIsolation(true, List.of(NamespaceLabel.parse(DEFAULT_ALLOW_FROM_TEXT)));
    /** No NetworkPolicy: any namespace's pods may connect. */
    public static final NetworkIsolation NONE = new NetworkIsolation(false, List.of());

    public NetworkIsolation {
        allowFrom = List.copyOf(allowFrom);
    }

    /**
     * Isolated, allowing the namespaces with these labels.
     *
     * @param labels {@code KEY=VALUE} each; none gives {@link #DEFAULT}
     * @throws InvalidInputException naming {@value #FIELD} for a label that is not {@code KEY=VALUE}
     */
    public static NetworkIsolation allowingFrom(List<String> labels) {
        if (labels == null || labels.stream().allMatch(l -> l == null || l.isBlank())) {
            return DEFAULT;
        }
        return new NetworkIsolation(true, labels.stream().filter(l -> l != null && !l.isBlank()).map(NamespaceLabel::parse).toList());
    }

    /** A namespace label, e.g. {@code kubernetes.io/metadata.name=ingress-nginx}. */
    public record NamespaceLabel(String key, String value) {

        private static final Pattern KEY = Pattern.compile(
                "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
        private static final Pattern VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");

        /** @throws InvalidInputException naming {@value NetworkIsolation#FIELD} */
        public static NamespaceLabel parse(String text) {
            String[] keyValue = text.trim().split("=", 2);
            if (keyValue.length != 2 || !KEY.matcher(keyValue[0].trim()).matches() || !VALUE.matcher(keyValue[1].trim()).matches()) {
                throw new InvalidInputException(FIELD, "'" + text.trim() + "' is not a namespace label KEY=VALUE; write e.g. "
                        + DEFAULT_ALLOW_FROM_TEXT);
            }
            return new NamespaceLabel(keyValue[0].trim(), keyValue[1].trim());
        }

        @Override
        public String toString() {
            return key + "=" + value;
        }
    }
}
