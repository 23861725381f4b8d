package io.jenkins.plugins.branchdeploy.engine.naming;

import java.util.regex.Pattern;

/** The rules that Kubernetes names and publicly certifiable host names must follow. */
public final class DnsNames {

    /** Kubernetes namespaces and label values. */
    public static final int MAX_LABEL = 63;

    /** Helm refuses longer release names. */
    public static final int MAX_HELM_RELEASE = 53;

    public static final int MAX_HOST = 253;

    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

    private DnsNames() {}

    /** A Kubernetes DNS-1123 label: what namespaces and our label values must be. */
    public static boolean isDns1123Label(String name) {
        return name != null && name.length() <= MAX_LABEL && DNS_1123_LABEL.matcher(name).matches();
    }

    /**
     * A label of a host name that a public certificate authority issues for: a DNS-1123 label that is
     * not a reserved "R-LDH" label (hyphens in the third and fourth place), except an IDNA
     * {@code xn--} label.
     */
    public static boolean isCertifiableHostLabel(String label) {
        if (!isDns1123Label(label)) {
            return false;
        }
        boolean reservedShape = label.length() >= 4 && label.charAt(2) == '-' && label.charAt(3) == '-';
        return !reservedShape || label.startsWith("xn--");
    }

    /** A fully qualified host name of at least two labels, each certifiable, with a non-numeric top-level label. */
    public static boolean isCertifiableHost(String host) {
        if (host == null || host.isEmpty() || host.length() > MAX_HOST) {
            return false;
        }
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2 || labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return false;
        }
        for (String label : labels) {
            if (!isCertifiableHostLabel(label)) {
                return false;
            }
        }
        return true;
    }

    /** Kubernetes reserves {@code kube-*} namespaces and {@code default} holds shared objects. */
    public static boolean isReservedNamespace(String namespace) {
        return namespace.equals("default") || namespace.startsWith("kube-");
    }
}
