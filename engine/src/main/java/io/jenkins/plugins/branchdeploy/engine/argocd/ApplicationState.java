package io.jenkins.plugins.branchdeploy.engine.argocd;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.jenkins.plugins.branchdeploy.engine.request.ApplyWith;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an Application's status says, as Argo CD writes it: sync status and revision, health, the
 * last sync operation, conditions and the resources that are not healthy.
 *
 * @param sync {@code Synced}, {@code OutOfSync}, {@code Unknown}, or empty before Argo CD looked
 * @param revision the revision synced to (Argo CD resolves a branch or tag to its commit)
 * @param comparedRevision the target revision as Argo CD compared it, as written in the Application
 * @param health {@code Healthy}, {@code Progressing}, {@code Degraded}, {@code Missing}, ...
 * @param operation the last sync operation's phase ({@code Running}, {@code Succeeded}, {@code Failed}, {@code Error}), or empty
 * @param operationMessage what that operation said
 * @param conditions Argo CD's conditions, {@code TYPE: message} each
 * @param unhealthy the resources not healthy, {@code Kind/name: Health (message)} each
 */
public record ApplicationState(String sync, String revision, String comparedRevision, String health, String operation,
        String operationMessage, List<String> conditions, List<String> unhealthy) {

    /** The state of a live Application. */
    public static ApplicationState of(GenericKubernetesResource application) {
        Map<?, ?> status = map(application.getAdditionalProperties().get("status"));
        Map<?, ?> sync = map(status.get("sync"));
        Map<?, ?> operation = map(status.get("operationState"));
        List<String> conditions = new ArrayList<>();
        list(status.get("conditions")).forEach(c -> conditions.add(text(map(c).get("type")) + ": " + text(map(c).get("message"))));
        List<String> unhealthy = new ArrayList<>();
        for (Object item : list(status.get("resources"))) {
            Map<?, ?> resource = map(item);
            Map<?, ?> health = map(resource.get("health"));
            String state = text(health.get("status"));
            if (!state.isEmpty() && !state.equals("Healthy")) {
                String message = text(health.get("message"));
                unhealthy.add(text(resource.get("kind")) + "/" + text(resource.get("name")) + ": " + state
                        + (message.isEmpty() ? "" : " (" + message + ")"));
            }
        }
        return new ApplicationState(text(sync.get("status")), text(sync.get("revision")),
                text(map(map(sync.get("comparedTo")).get("source")).get("targetRevision")), text(map(status.get("health")).get("status")),
                text(operation.get("phase")), text(operation.get("message")), List.copyOf(conditions), List.copyOf(unhealthy));
    }

    /** Whether Argo CD synced to {@code argoCd}'s revision (a commit: the one it resolved starts with it). */
    public boolean atRevision(ApplyWith.ArgoCd argoCd) {
        return argoCd.revisionIsCommit() ? revision.startsWith(argoCd.revision()) : comparedRevision.equals(argoCd.revision());
    }

    /** Synced to the revision, healthy, and no sync operation still running: the deploy is done. */
    public boolean done(ApplyWith.ArgoCd argoCd) {
        return sync.equals("Synced") && health.equals("Healthy") && !operation.equals("Running") && atRevision(argoCd);
    }

    /** Why the deploy failed, once Argo CD says so for this revision: a failed sync, or a degraded app. */
    public Optional<String> failure(ApplyWith.ArgoCd argoCd) {
        if (operation.equals("Failed") || operation.equals("Error")) {
            return Optional.of("Argo CD's sync " + operation.toLowerCase() + ": " + operationMessage + details());
        }
        if (health.equals("Degraded") && atRevision(argoCd)) {
            return Optional.of("Argo CD reports the application Degraded" + details());
        }
        return Optional.empty();
    }

    /** For progress and timeouts, e.g. {@code sync OutOfSync, health Progressing; ComparisonError: ...}. */
    public String describe() {
        return "sync " + orNone(sync) + (revision.isEmpty() ? "" : " to " + revision) + ", health " + orNone(health) + details();
    }

    private String details() {
        List<String> parts = new ArrayList<>(unhealthy);
        parts.addAll(conditions);
        return parts.isEmpty() ? "" : "; " + String.join("; ", parts);
    }

    private static String orNone(String text) {
        return text.isEmpty() ? "not reported yet" : text;
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
