package io.jenkins.plugins.branchdeploy.engine.shaping;

import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.manifest.RenderedManifest;
import java.util.List;

/**
 * The rendered manifests as an environment gets them, checked, before anything is written.
 *
 * @param manifests what to apply: load balancers turned into ClusterIP Services, the exposure's route added
 * @param quota the environment's quota: the one asked for, or the one {@code auto} sized
 * @param url the URL something routes to, or {@code null} when nothing does
 * @param adjustments what was changed or added, one line each, e.g. {@code Service/frontend-external: LoadBalancer -> ClusterIP}
 * @param warnings what the user should know and fix, e.g. that nothing routes to the environment's host
 * @param manifestsDigest the digest of the plain YAML files rendered, read before rendering, or {@code null}
 *        for a chart or an overlay
 */
public record ShapedManifests(List<RenderedManifest> manifests, Quota quota, String url, List<String> adjustments,
        List<String> warnings, String manifestsDigest) {

    public ShapedManifests {
        manifests = List.copyOf(manifests);
        adjustments = List.copyOf(adjustments);
        warnings = List.copyOf(warnings);
    }
}
