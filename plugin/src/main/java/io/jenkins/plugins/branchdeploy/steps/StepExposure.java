package io.jenkins.plugins.branchdeploy.steps;

import io.jenkins.plugins.branchdeploy.config.EffectiveSettings;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.shaping.Exposure;

/** The step's {@code expose} and {@code routeVia} with the configured ingress class and TLS secret, as the engine takes them. */
final class StepExposure {

    static final String ROUTE_VIA_WITHOUT_EXPOSE = "routeVia: applies to the Service that expose routes to; "
            + "add expose: 'SERVICE[:PORT]'";

    private StepExposure() {}

    /** @return {@code null} when the step exposes nothing */
    static Exposure of(BranchDeployStep step, EffectiveSettings settings) {
        Exposure exposure = Exposure.of("expose", step.getExpose());
        if (exposure == null) {
            if (step.getRouteVia() != null) {
                throw new InvalidInputException("routeVia", ROUTE_VIA_WITHOUT_EXPOSE.substring("routeVia: ".length()));
            }
            return null;
        }
        return exposure.withRouteVia("routeVia", step.getRouteVia())
                .withIngressClass(settings.ingressClass())
                .withTlsSecret(settings.tlsSecret());
    }
}
