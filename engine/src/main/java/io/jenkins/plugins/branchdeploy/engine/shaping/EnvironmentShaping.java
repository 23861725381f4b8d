package io.jenkins.plugins.branchdeploy.engine.shaping;

import io.fabric8.kubernetes.api.model.Service;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import io.jenkins.plugins.branchdeploy.engine.request.Exposure;
import io.jenkins.plugins.branchdeploy.engine.naming.EnvironmentNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What is done to the rendered manifests before they are applied, whatever they were rendered
 * from: load balancers become ClusterIP Services (unless kept), the exposure's Ingress or HTTPRoute
 * is added, the quota is sized ({@code auto}) or checked against the app's totals, and the URL is
 * whatever routes to the environment. Needs no cluster.
 */
public final class EnvironmentShaping {

    private EnvironmentShaping() {}

    /**
     * @param exposure the Service to route the environment's host to, or {@code null}
     * @param keepLoadBalancers whether {@code LoadBalancer} Services stay as they are
     * @param ownLabels the labels of what the deploy adds itself (the exposure's route)
     * @throws InvalidInputException when the exposure names no Service of the manifests, or the app does not fit the quota
     */
    public static ShapedManifests shape(List<RenderedManifest> rendered, Exposure exposure, boolean keepLoadBalancers,
            Quota quota, EnvironmentNames names, Map<String, String> ownLabels) {
        List<RenderedManifest> manifests = new ArrayList<>(rendered);
        List<String> adjustments = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!keepLoadBalancers) {
            LoadBalancers.toClusterIp(manifests).forEach(changed -> adjustments.add(changed + " (--keep-load-balancers or keepLoadBalancers: true keeps it)"));
        }
        if (exposure != null) {
            refuseSecondRoute(manifests, names);
            RenderedManifest route = ExposedRoute.of(exposure, manifests, names, ownLabels);
            manifests.add(route);
            adjustments.add(route.kindAndName() + ": added, routes " + names.host() + " to Service " + exposure
                    + (exposure.gateway() == null ? "" : " through Gateway " + exposure.gateway()));
        }
        Quota effective = quota;
        if (quota.auto()) {
            ResourceTotals app = AppResources.of(manifests, ContainerDefaults.UNCAPPED);
            effective = QuotaFit.sized(app);
            adjustments.add("Quota auto: " + effective + " for " + app.describe() + ", plus " + QuotaFit.HEADROOM_PERCENT
                    + " % for rolling updates");
        } else {
            QuotaFit.check(AppResources.of(manifests, ContainerDefaults.within(quota)), quota);
        }
        String url = LiveUrl.of(manifests.stream().map(RenderedManifest::resource).toList(), names);
        if (url == null) {
            warnings.add(nothingRoutes(names, manifests));
        }
        return new ShapedManifests(manifests, effective, url, adjustments, warnings, null);
    }

    /** Two routes for one host: an ingress controller takes one of them, or refuses the second. */
    private static void refuseSecondRoute(List<RenderedManifest> manifests, EnvironmentNames names) {
        for (RenderedManifest manifest : manifests) {
            String url = LiveUrl.of(List.of(manifest.resource()), names);
            if (url != null && url.endsWith("://" + names.host())) {
                throw new InvalidInputException("expose", manifest.describe() + " already routes " + names.host()
                        + "; drop expose, or that " + manifest.kind());
            }
        }
    }

    /** Says that nothing routes to the environment's host, and how to fix it. */
    static String nothingRoutes(EnvironmentNames names, List<RenderedManifest> manifests) {
        String example = manifests.stream().filter(m -> m.resource() instanceof Service).map(RenderedManifest::name)
                .findFirst().orElse("SERVICE");
        return "Nothing routes to " + names.host() + ": no Ingress or HTTPRoute of the manifests serves it, so the environment "
                + "has no URL. Expose a Service with --expose " + example + " (Pipeline: expose: '" + example
                + "'), or add an Ingress for ${HOST} to the manifests";
    }
}
