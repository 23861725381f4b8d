package io.jenkins.plugins.branchdeploy.overview;

import io.jenkins.plugins.branchdeploy.engine.RefusedException;
import io.jenkins.plugins.branchdeploy.engine.cluster.ClusterApiException;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentBusyException;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentOwnedElsewhereException;
import io.jenkins.plugins.branchdeploy.engine.cluster.ForeignApplicationException;
import io.jenkins.plugins.branchdeploy.engine.cluster.ForeignNamespaceException;
import io.jenkins.plugins.branchdeploy.engine.cluster.ForeignRouteException;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;

/**
 * The answer of a page's action that the engine refused: its message as it is, without a stack
 * trace, with the status that says whose move it is.
 */
final class Refusals {

    private Refusals() {}

    static HttpResponse response(RefusedException refusal) {
        return HttpResponses.errorWithoutStack(status(refusal), refusal.getMessage());
    }

    static int status(RefusedException refusal) {
        if (refusal.badInput()) {
            return 400;
        }
        if (refusal instanceof EnvironmentOwnedElsewhereException || refusal instanceof ForeignNamespaceException
                || refusal instanceof ForeignApplicationException) {
            return 403;
        }
        if (refusal instanceof EnvironmentBusyException || refusal instanceof ForeignRouteException) {
            return 409;
        }
        return refusal instanceof ClusterApiException ? 502 : 500;
    }
}
