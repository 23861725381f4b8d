package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The webhook routes of the environments of {@link BranchEnvironments}: each environment's route on
 * its app's webhook host (made by its deploy, deleted with it), and the app's default route, which
 * sends the bare host to one chosen environment ({@link WebhookDefault}).
 */
public final class EnvironmentWebhooks {

    private final EnvironmentAccess access;

    EnvironmentWebhooks(EnvironmentAccess access) {
        this.access = access;
    }

    /**
     * Where an app's webhooks go: every environment's route, and the environment of the default route.
     *
     * @throws ForeignRouteException when the default route's name is taken by another installation
     */
    public WebhookListing list(String app, ProgressListener progress) {
        String slug = NamingPolicy.appSlug(app);
        WebhookDefault defaults = new WebhookDefault(access);
        List<WebhookListing.Entry> routes = new ArrayList<>();
        String selector = ClusterContract.ownedBy(access.installation()) + "," + ClusterContract.APP + "=" + slug;
        List<Namespace> namespaces = access.api().call("list the environments of app " + slug, progress,
                () -> access.client().namespaces().withLabelSelector(selector).list().getItems());
        for (Namespace namespace : namespaces.stream().sorted(Comparator.comparing(n -> n.getMetadata().getName())).toList()) {
            boolean ours = EnvironmentNamespace.isOwnedBy(namespace, access.installation())
                    && slug.equals(namespace.getMetadata().getLabels().get(ClusterContract.APP));
            WebhookRoute route = ours ? defaults.route(namespace, progress) : null;
            if (route != null) {
                routes.add(new WebhookListing.Entry(EnvironmentNamespace.environmentOf(namespace, access.clock().instant()), route));
            }
        }
        WebhookListing.Entry defaultRoute = null;
        WebhookRoute routed = routes.stream().map(WebhookListing.Entry::route).filter(r -> r.gateway() != null).findFirst().orElse(null);
        GenericKubernetesResource live = routed == null ? null : defaults.read(slug, routed.gateway(), progress);
        if (live != null) {
            String target = WebhookDefault.target(live);
            defaultRoute = routes.stream().filter(e -> e.environment().namespace().equals(target)).findFirst().orElse(null);
        }
        return new WebhookListing(slug, routes.isEmpty() ? null : routes.get(0).route().host(), routes, defaultRoute);
    }

    /**
     * Sends the bare webhook host of the environment's app to the environment: one change of the app's
     * default route, whoever else moves it at the same time.
     *
     * @return the environment's webhook route
     * @throws InvalidInputException when the environment does not exist, has no webhooks, or has them through an Ingress
     * @throws ForeignNamespaceException when its namespace is not this installation's
     * @throws EnvironmentOwnedElsewhereException when the environment is another project's
     * @throws ForeignRouteException when the default route's name is taken by another installation
     */
    public WebhookRoute route(EnvironmentRef environment, ProgressListener progress) {
        String namespace = access.namespace(Objects.requireNonNull(environment, "environment"));
        Namespace live = access.readMine(namespace, progress);
        if (live == null || EnvironmentNamespace.isTerminating(live)) {
            throw environment instanceof EnvironmentRef.OfBranch ofBranch ? access.noEnvironment(ofBranch.branch())
                    : new InvalidInputException("environment", "namespace " + namespace + " does not exist any more; "
                            + "send the webhooks to another environment");
        }
        WebhookDefault defaults = new WebhookDefault(access);
        WebhookRoute route = defaults.route(live, progress);
        if (route == null) {
            throw new InvalidInputException("webhooks", "the environment in " + namespace + " has no webhooks; deploy it with "
                    + "webhooks SERVICE[:PORT] (--webhooks, Pipeline: webhooks) first");
        }
        if (route.gateway() == null) {
            throw new InvalidInputException("webhooks", "the environment in " + namespace + " gets its webhooks through an "
                    + "Ingress, which cannot send to other namespaces; the default route needs a Gateway (--route-via gateway:NAMESPACE/NAME)");
        }
        Environment recorded = EnvironmentNamespace.environmentOf(live, access.clock().instant());
        defaults.moveTo(recorded.app(), recorded.environment(), route, progress);
        progress.info("Webhooks to https://" + route.host() + "/ now go to " + recorded.environment() + " (Service "
                + route.target() + " in " + namespace + ")");
        return route;
    }
}
