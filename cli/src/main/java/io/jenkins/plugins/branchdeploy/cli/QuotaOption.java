package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.deploy.Quota;

/** Reads {@code cpu=2,memory=4Gi,pods=20}; what is left out keeps its default. */
final class QuotaOption {

    private QuotaOption() {}

    static Quota parse(String text) {
        Quota quota = Quota.DEFAULT;
        for (String part : text.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2 || pair[1].isBlank()) {
                throw new InvalidInputException("quota", "'" + part.trim() + "' is not NAME=VALUE; write e.g. cpu=2,memory=4Gi,pods=20");
            }
            String value = pair[1].trim();
            quota = switch (pair[0].trim()) {
                case "cpu" -> new Quota(value, quota.memory(), quota.pods());
                case "memory" -> new Quota(quota.cpu(), value, quota.pods());
                case "pods" -> new Quota(quota.cpu(), quota.memory(), pods(value));
                default -> throw new InvalidInputException("quota", "'" + pair[0].trim() + "' is not cpu, memory or pods");
            };
        }
        return quota;
    }

    private static int pods(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("quota", "pods '" + value + "' is not a number; write e.g. pods=20");
        }
    }
}
