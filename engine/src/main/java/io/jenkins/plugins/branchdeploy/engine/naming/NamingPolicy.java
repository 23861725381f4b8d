package io.jenkins.plugins.branchdeploy.engine.naming;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place that turns a branch into names. Deterministic: the same app, branch and change give
 * the same names on every machine and every push. Distinct branches of one app never share an
 * environment id, namespace or host.
 */
public final class NamingPolicy {

    public static final String DEFAULT_NAMESPACE_TEMPLATE = "{app}-{branch}";
    public static final String DEFAULT_HOST_TEMPLATE = "{branch}--{app}.{domain}";
    public static final String HELM_RELEASE_TEMPLATE = "{app}-{branch}";

    /**
     * What a variant's environment id starts with, before its name ({@code try-pricing-v2}): the
     * variant takes the branch's place in the templates. No branch's or pull request's id ever
     * starts with it ({@link BranchSlug}), so a variant never takes a branch's environment.
     */
    public static final String VARIANT_MARK = "try-";

    /** Leaves room for the branch part in a 63-character namespace. */
    public static final int MAX_APP = 40;

    private static final String NO_DOMAIN = "is empty; give the domain for environment hosts, e.g. example.dev";

    private final String domain;
    private final NameTemplate namespaceTemplate;
    private final NameTemplate hostTemplate;
    private final NameTemplate helmTemplate;

    /**
     * @param domain the domain under which hosts live, e.g. {@code example.dev}
     * @param namespaceTemplate {@code null} for {@value #DEFAULT_NAMESPACE_TEMPLATE}
     * @param hostTemplate {@code null} for {@value #DEFAULT_HOST_TEMPLATE}
     */
    public NamingPolicy(String domain, String namespaceTemplate, String hostTemplate) {
        this(validDomain(domain), namespaceTemplate, new NameTemplate("hostTemplate",
                hostTemplate == null ? DEFAULT_HOST_TEMPLATE : hostTemplate, Set.of("app", "branch", "domain")));
    }

    private NamingPolicy(String domain, String namespaceTemplate, NameTemplate hostTemplate) {
        this.domain = domain;
        this.namespaceTemplate = new NameTemplate("namespaceTemplate",
                namespaceTemplate == null ? DEFAULT_NAMESPACE_TEMPLATE : namespaceTemplate, Set.of("app", "branch"));
        this.hostTemplate = hostTemplate;
        this.helmTemplate = new NameTemplate("helmRelease", HELM_RELEASE_TEMPLATE, Set.of("app", "branch"));
    }

    public static NamingPolicy withDefaults(String domain) {
        return new NamingPolicy(domain, null, (String) null);
    }

    /**
     * A policy for work that makes no host: finding, listing, extending, scaling and tearing down
     * environments go by namespace. Its names have no host and no URL, and {@link #requireHosts}
     * refuses it, so a deploy or a rendering cannot use it.
     *
     * @param namespaceTemplate {@code null} for {@value #DEFAULT_NAMESPACE_TEMPLATE}
     */
    public static NamingPolicy namespacesOnly(String namespaceTemplate) {
        return new NamingPolicy(null, namespaceTemplate, (NameTemplate) null);
    }

    /** The domain of hosts, or {@code null} for a {@linkplain #namespacesOnly namespaces-only} policy. */
    public String domain() {
        return domain;
    }

    /**
     * This policy, for work that makes hosts (a deploy, a rendering of manifests).
     *
     * @throws InvalidInputException naming {@code domain} for a {@linkplain #namespacesOnly namespaces-only} policy
     */
    public NamingPolicy requireHosts() {
        if (domain == null) {
            throw new InvalidInputException("domain", NO_DOMAIN);
        }
        return this;
    }

    public EnvironmentNames names(BranchRef ref) {
        return names(appSlug(ref.app()), BranchSlug.of(ref));
    }

    /**
     * The names of a variant of an app: its environment id is {@value #VARIANT_MARK} and the name,
     * and it takes a branch's place in the namespace and host templates.
     *
     * @param name the variant's name, e.g. {@code pricing-v2}
     * @throws InvalidInputException naming {@code name} when it has no letter or digit or is longer than 30 characters
     */
    public EnvironmentNames variantNames(String app, String name) {
        return names(appSlug(app), BranchSlug.ofVariant(name));
    }

    private EnvironmentNames names(String app, BranchSlug branch) {
        Map<String, String> values = domain == null ? Map.of("app", app) : Map.of("app", app, "domain", domain);
        String environment = branch.fitting(DnsNames.MAX_LABEL);
        String namespace = namespaceTemplate.expand(branch, values,
                n -> DnsNames.isDns1123Label(n) && !DnsNames.isReservedNamespace(n),
                "a namespace name (a DNS-1123 label of at most 63 characters, not default or kube-*)");
        String host = hostTemplate == null ? null : hostTemplate.expand(branch, values, DnsNames::isCertifiableHost,
                "a host name a public certificate authority issues for (labels of at most 63, at most 253 in all)");
        String helmRelease = helmTemplate.expand(branch, values,
                n -> DnsNames.isDns1123Label(n) && n.length() <= DnsNames.MAX_HELM_RELEASE,
                "a Helm release name (at most 53 characters)");
        return new EnvironmentNames(environment, app, namespace, host, host == null ? null : "https://" + host, helmRelease);
    }

    /** The app slug used in names and in the app label. */
    public static String appSlug(String app) {
        String slug = Slugs.readable(app == null ? "" : app);
        if (slug.isEmpty()) {
            throw new InvalidInputException("app", "'" + app
                    + "' has no letter or digit a DNS name can use; use an app name such as shop or web-api");
        }
        if (slug.length() > MAX_APP) {
            throw new InvalidInputException("app", "'" + app + "' is " + slug.length()
                    + " characters as a DNS name; use at most " + MAX_APP + " so that branch names still fit");
        }
        return slug;
    }

    private static String validDomain(String domain) {
        if (domain == null || domain.isBlank()) {
            throw new InvalidInputException("domain", NO_DOMAIN);
        }
        String normalised = domain.trim().toLowerCase(Locale.ROOT);
        if (normalised.endsWith(".")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        if (!DnsNames.isCertifiableHost(normalised)) {
            throw new InvalidInputException("domain", "'" + domain
                    + "' is not a public DNS domain; use letters, digits, hyphens and dots, e.g. example.dev");
        }
        return normalised;
    }
}
