package io.jenkins.plugins.branchdeploy.config;

import io.fabric8.kubernetes.api.model.Quantity;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;

/** Reads the quota as users type it into forms and Configuration-as-Code. */
final class QuotaInput {

    private QuotaInput() {}

    static Quota of(String cpu, String memory, String pods) {
        return new Quota(cpu(cpu), memory(memory), pods(pods));
    }

    static String cpu(String text) {
        return quantity("quotaCpu", text, "2 or 500m");
    }

    static String memory(String text) {
        return quantity("quotaMemory", text, "4Gi or 512Mi");
    }

    /** A Kubernetes quantity such as {@code 500m} or {@code 4Gi}. */
    private static String quantity(String field, String text, String examples) {
        String value = text == null ? "" : text.trim();
        try {
            if (!value.isEmpty() && Quantity.getAmountInBytes(Quantity.parse(value)).signum() > 0) {
                return value;
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            // reported below, with the fix
        }
        throw new InvalidInputException(field, "'" + value + "' is not a positive Kubernetes quantity; write e.g. " + examples);
    }

    static int pods(String text) {
        String value = text == null ? "" : text.trim();
        try {
            int pods = Integer.parseInt(value);
            if (pods > 0) {
                return pods;
            }
        } catch (NumberFormatException e) {
            // reported below, with the fix
        }
        throw new InvalidInputException("quotaPods", "'" + value + "' is not a positive whole number of pods; write e.g. 20");
    }
}
