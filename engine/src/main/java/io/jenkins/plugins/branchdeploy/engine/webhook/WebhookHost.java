package io.jenkins.plugins.branchdeploy.engine.webhook;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.naming.DnsNames;
import io.jenkins.plugins.branchdeploy.engine.request.Webhooks;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An app's webhook host from its template ({@link Webhooks#DEFAULT_HOST_TEMPLATE} unless configured):
 * one host per app, not per branch, so that it is registered once with each provider.
 */
public final class WebhookHost {

    /** The option and setting the template comes from, named in errors. */
    public static final String FIELD = "webhookHostTemplate";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

    private WebhookHost() {}

    /**
     * Checks a template before anything else happens, with a sample app and domain.
     *
     * @param template the template, or blank for the default
     * @throws InvalidInputException naming {@value #FIELD} when it cannot make a host name
     */
    public static void check(String template) {
        of(template, "app", "example.dev");
    }

    /**
     * @param template the template, or blank for the default
     * @param app the app slug, e.g. {@code shop}
     * @param domain the domain of hosts, e.g. {@code preview.example.dev}
     * @return e.g. {@code hooks--shop.preview.example.dev}
     * @throws InvalidInputException naming {@value #FIELD} when it has another placeholder or makes no host name
     */
    public static String of(String template, String app, String domain) {
        String text = template == null || template.isBlank() ? Webhooks.DEFAULT_HOST_TEMPLATE : template.trim();
        Map<String, String> values = Map.of("app", app, "domain", domain);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder host = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new InvalidInputException(FIELD, "'" + text + "' has {" + m.group(1) + "}; a webhook host is one per app, "
                        + "so use only {app} and {domain}, e.g. " + Webhooks.DEFAULT_HOST_TEMPLATE);
            }
            m.appendReplacement(host, Matcher.quoteReplacement(value));
        }
        m.appendTail(host);
        String expanded = host.toString().toLowerCase(Locale.ROOT);
        if (!DnsNames.isCertifiableHost(expanded)) {
            throw new InvalidInputException(FIELD, "'" + text + "' makes '" + expanded + "', which is not a host name a public "
                    + "certificate authority issues for; use letters, digits, hyphens and dots, e.g. " + Webhooks.DEFAULT_HOST_TEMPLATE);
        }
        return expanded;
    }
}
