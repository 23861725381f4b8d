package io.jenkins.plugins.branchdeploy.config;

import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.branchdeploy.engine.Durations;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchFilter;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import io.jenkins.plugins.branchdeploy.engine.branch.TrustedForks;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.Webhooks;
import io.jenkins.plugins.branchdeploy.engine.webhook.WebhookHost;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Form validation of the settings, shared by the global configuration and the per-project
 * properties. The engine decides what is valid; this turns its answer into a form message. A blank
 * value is fine here (it means "default" or "inherit"); callers that need a value say so.
 */
final class FieldChecks {

    /** Stands in for the domain when a template is checked on its own. */
    private static final String SAMPLE_DOMAIN = "example.dev";

    private static final BranchRef SAMPLE_BRANCH = BranchRef.of("shop", "feature/auth");

    private FieldChecks() {}

    static FormValidation domain(String value) {
        return blank(value) ? FormValidation.ok() : check(() -> {
            NamingPolicy.withDefaults(value);
            return FormValidation.ok();
        });
    }

    static FormValidation namespaceTemplate(String value) {
        return blank(value) ? FormValidation.ok() : check(() -> FormValidation.ok("e.g. "
                + new NamingPolicy(SAMPLE_DOMAIN, value.trim(), null).names(SAMPLE_BRANCH).namespace()));
    }

    static FormValidation hostTemplate(String value, String domain) {
        String sampleDomain = !blank(domain) && domain(domain).kind == FormValidation.Kind.OK ? domain : SAMPLE_DOMAIN;
        return blank(value) ? FormValidation.ok() : check(() -> FormValidation.ok("e.g. "
                + new NamingPolicy(sampleDomain, null, value.trim()).names(SAMPLE_BRANCH).host()));
    }

    static FormValidation duration(String field, String value) {
        return blank(value) ? FormValidation.ok() : check(() -> {
            Durations.parse(field, value);
            return FormValidation.ok();
        });
    }

    static FormValidation workingHours(String value) {
        return blank(value) ? FormValidation.ok() : check(() -> {
            SettingsResolver.workingHours(value);
            return FormValidation.ok();
        });
    }

    static FormValidation cpu(String value) {
        return blank(value) ? FormValidation.ok() : check(() -> {
            QuotaInput.cpu(value);
            return FormValidation.ok();
        });
    }

    static FormValidation memory(String value) {
        return blank(value) ? FormValidation.ok() : check(() -> {
            QuotaInput.memory(value);
            return FormValidation.ok();
        });
    }

    static FormValidation pods(String value) {
        return blank(value) ? FormValidation.ok() : check(() -> {
            QuotaInput.pods(value);
            return FormValidation.ok();
        });
    }

    static FormValidation wholeNumber(String field, String value, int min, int max, String hint) {
        try {
            int number = Integer.parseInt(value == null ? "" : value.trim());
            if (number >= min && number <= max) {
                return FormValidation.ok();
            }
        } catch (NumberFormatException e) {
            // reported below, with the fix
        }
        return FormValidation.error(field + ": give a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ", " + hint);
    }

    static FormValidation trustedForks(String value) {
        return check(() -> {
            TrustedForks.parse(value);
            return FormValidation.ok();
        });
    }

    static FormValidation allowFromNamespaces(String value) {
        return blank(value) ? FormValidation.ok() : check(() -> FormValidation.ok("Allowed besides the environment's own namespace: "
                + String.join(", ", SettingsResolver.allowFromNamespaces(value).stream().map(Object::toString).toList())));
    }

    /** A webhook host template, shown expanded for an app {@code shop} under {@code domain} (or a sample domain). */
    static FormValidation webhookHostTemplate(String value, String domain) {
        return check(() -> FormValidation.ok("e.g. " + WebhookHost.of(value, "shop", blank(domain) ? "example.dev" : domain.trim())));
    }

    static FormValidation webhookIngressAnnotations(String value) {
        return check(() -> {
            Webhooks.of("webhooks", "app").withIngressAnnotations("webhookIngressAnnotations", lines(value));
            return FormValidation.ok();
        });
    }

    /** The lines of a text area, blank ones left out. */
    static List<String> lines(String value) {
        return blank(value) ? List.of() : value.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }

    static FormValidation branchFilter(String value) {
        return check(() -> {
            BranchFilter.parse(value);
            return FormValidation.ok();
        });
    }

    static FormValidation installationId(String value, String derived) {
        if (blank(value)) {
            return FormValidation.ok("The ID of this Jenkins is " + derived + ".");
        }
        return check(() -> {
            SettingsResolver.validInstallationId(value);
            return FormValidation.ok("This Jenkins lists, cleans up and changes only the environments labelled with this ID.");
        });
    }

    static FormValidation serverUrl(String value, boolean inCluster, String credentialsId) {
        if (inCluster || blank(value)) {
            return inCluster || !blank(credentialsId) ? FormValidation.ok()
                    : FormValidation.error("Give the API server URL, choose a kubeconfig credential, or tick In cluster.");
        }
        try {
            URI uri = new URI(value.trim());
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return "http".equals(uri.getScheme())
                        ? FormValidation.warning("Plain http sends the token unencrypted; use https")
                        : FormValidation.ok();
            }
        } catch (URISyntaxException e) {
            // reported below, with the fix
        }
        return FormValidation.error("serverUrl: '" + value + "' is not an API server URL; write e.g. https://k8s.example.com:6443");
    }

    static boolean blank(String value) {
        return Util.fixEmptyAndTrim(value) == null;
    }

    private static FormValidation check(Supplier<FormValidation> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
