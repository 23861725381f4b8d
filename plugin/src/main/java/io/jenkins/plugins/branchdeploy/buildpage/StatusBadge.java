package io.jenkins.plugins.branchdeploy.buildpage;

import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentStatus;

/**
 * An environment's status as the pages show it: a word in a coloured {@code jenkins-badge}, e.g.
 * "Ready" in green, never the raw annotation value.
 *
 * @param text the word, e.g. {@code Scaled down}
 * @param colorClass the design library's colour class for the badge
 */
public record StatusBadge(String text, String colorClass) {

    /** @param status the recorded status, or {@code null} when missing or unreadable */
    public static StatusBadge of(EnvironmentStatus status) {
        if (status == null) {
            return new StatusBadge("Unknown", "jenkins-!-text-color-secondary");
        }
        return switch (status) {
            case READY -> new StatusBadge("Ready", "jenkins-!-success-color");
            case DEPLOYING -> new StatusBadge("Deploying", "jenkins-!-info-color");
            case FAILED -> new StatusBadge("Failed", "jenkins-!-error-color");
            case SCALED_DOWN -> new StatusBadge("Scaled down", "jenkins-!-text-color-secondary");
            case TEARING_DOWN -> new StatusBadge("Tearing down", "jenkins-!-warning-color");
        };
    }

    /** @param value the annotation value as a build recorded it, e.g. {@code ready} */
    public static StatusBadge of(String value) {
        return of(EnvironmentStatus.fromValue(value));
    }

    public String getText() {
        return text;
    }

    public String getColorClass() {
        return colorClass;
    }
}
