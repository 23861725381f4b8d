package io.jenkins.plugins.branchdeploy.engine.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.argocd.ArgoCdApplication;
import java.time.Duration;

/**
 * The first step of tearing down an environment applied by Argo CD: deletes its Application, whose
 * {@link ArgoCdApplication#FINALIZER} makes Argo CD delete what it applied, and waits until the
 * Application is gone, so that the namespace is deleted only after Argo CD let go of it. An
 * Application without this installation's labels is left alone.
 */
final class ApplicationTeardown {

    private final KubernetesClient client;
    private final ApiCalls api;
    private final String installation;
    private final Duration pollEvery;
    private final Duration progressEvery;

    ApplicationTeardown(KubernetesClient client, ApiCalls api, String installation, Duration pollEvery, Duration progressEvery) {
        this.client = client;
        this.api = api;
        this.installation = installation;
        this.pollEvery = pollEvery;
        this.progressEvery = progressEvery;
    }

    /**
     * Deletes the Application recorded on {@code live}, if any, and waits at most {@code patience} for it to go.
     *
     * @throws ArgoCdTeardownException when Argo CD has not removed it in time; nothing else is deleted then
     */
    void delete(Namespace live, Duration patience, ProgressListener progress) {
        ArgoCdApplications application = ArgoCdApplications.recordedOn(live);
        if (application == null) {
            return;
        }
        GenericKubernetesResource current = application.read(client, api, progress);
        if (current == null) {
            return;
        }
        if (!ArgoCdApplications.isOwnedBy(current, installation)) {
            progress.warn("Argo CD Application " + application.describe() + " lacks the labels of installation " + installation
                    + ": left alone");
            return;
        }
        if (current.getMetadata().getDeletionTimestamp() == null) {
            api.run("delete Argo CD Application " + application.describe(), progress, () -> application.resource(client).delete());
        }
        progress.info("Deleted Argo CD Application " + application.describe() + "; waiting for Argo CD to remove its resources");
        long started = System.nanoTime();
        long lastReport = started;
        while (application.read(client, api, progress) != null) {
            long now = System.nanoTime();
            if (Duration.ofNanos(now - started).compareTo(patience) >= 0) {
                throw new ArgoCdTeardownException(application.describe(), patience);
            }
            if (Duration.ofNanos(now - lastReport).compareTo(progressEvery) >= 0) {
                progress.info("Argo CD is still removing the resources of " + application.describe());
                lastReport = now;
            }
            ArgoCdApplications.pause(pollEvery, "Argo CD to remove " + application.describe());
        }
        progress.info("Argo CD removed Application " + application.describe() + " and its resources");
    }
}
