package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import java.util.Map;

/**
 * Pauses and resumes Argo CD's automated sync of an environment's Application, so that a scale-down
 * sticks (Argo CD would otherwise sync the replicas back) and wake hands the environment back.
 * Environments applied directly, and Applications not this installation's, are left alone.
 */
final class ApplicationSync {

    private static final String AUTOMATED = "/spec/syncPolicy/automated";

    private final KubernetesClient client;
    private final ApiCalls api;
    private final String installation;

    ApplicationSync(KubernetesClient client, ApiCalls api, String installation) {
        this.client = client;
        this.api = api;
        this.installation = installation;
    }

    /** Removes the Application's automated sync, if it has one. */
    void pause(Namespace live, ProgressListener progress) {
        change(live, true, "[{\"op\":\"remove\",\"path\":\"" + AUTOMATED + "\"}]", "Paused Argo CD's sync of ", progress);
    }

    /** Gives the Application back its automated sync with prune, if it has none. */
    void resume(Namespace live, ProgressListener progress) {
        change(live, false, "[{\"op\":\"add\",\"path\":\"" + AUTOMATED + "\",\"value\":{\"prune\":true}}]",
                "Resumed Argo CD's sync of ", progress);
    }

    private void change(Namespace live, boolean whenAutomated, String patch, String done, ProgressListener progress) {
        ArgoCdApplications application = ArgoCdApplications.recordedOn(live);
        GenericKubernetesResource current = application == null ? null : application.read(client, api, progress);
        if (current == null || !ArgoCdApplications.isOwnedBy(current, installation) || isAutomated(current) != whenAutomated) {
            return;
        }
        api.run("patch Argo CD Application " + application.describe(), progress,
                () -> application.resource(client).patch(JsonPatch.CONTEXT, patch));
        progress.info(done + application.describe());
    }

    private static boolean isAutomated(GenericKubernetesResource application) {
        Object spec = application.getAdditionalProperties().get("spec");
        Object policy = spec instanceof Map<?, ?> map ? map.get("syncPolicy") : null;
        return policy instanceof Map<?, ?> map && map.get("automated") != null;
    }
}
