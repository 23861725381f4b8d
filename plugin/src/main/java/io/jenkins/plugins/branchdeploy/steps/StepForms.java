package io.jenkins.plugins.branchdeploy.steps;

import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.branchdeploy.config.SettingsResolver;
import io.jenkins.plugins.branchdeploy.engine.Durations;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseStrategy;
import io.jenkins.plugins.branchdeploy.engine.deploy.RouteInput;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.Exposure;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import io.jenkins.plugins.branchdeploy.engine.request.Webhooks;
import io.jenkins.plugins.branchdeploy.facade.JenkinsFacade;
import jenkins.model.Jenkins;

/**
 * Form validation of the step parameters. The engine decides what is valid; this class only turns
 * its {@link InvalidInputException} into a form message. An empty field is never an error here, since
 * forms check every field as it appears, before anything was typed (a new secret row, a fresh
 * Snippet Generator); the step refuses a missing required value when it runs, naming the parameter.
 */
final class StepForms {

    private static final JenkinsFacade JENKINS = new JenkinsFacade();

    private StepForms() {}

    /** Whether the current user may see validation results for a form of {@code item}. */
    static boolean canValidate(Item item) {
        return item == null ? JENKINS.hasPermission(Jenkins.ADMINISTER) : item.hasPermission(Item.CONFIGURE);
    }

    static FormValidation databaseStrategy(String value) {
        return engineCheck(value, DatabaseStrategy::parse);
    }

    static FormValidation cluster(String value) {
        return engineCheck(value, name -> SettingsResolver.get().cluster(name));
    }

    static FormValidation domain(String value) {
        return engineCheck(value, text -> NamingPolicy.withDefaults(text));
    }

    static FormValidation quota(String value) {
        return engineCheck(value, text -> Quota.DEFAULT.with("quota", text));
    }

    static FormValidation expose(String value) {
        return engineCheck(value, text -> Exposure.of("expose", text));
    }

    /** The Service that gets the environment's webhooks. */
    static FormValidation webhooks(String value) {
        return engineCheck(value, text -> Webhooks.of("webhooks", text));
    }

    /** A Gateway reference, which needs {@code expose} or {@code webhooks} beside it. */
    static FormValidation routeVia(String value, String expose, String webhooks) {
        return engineCheck(value, text -> RouteInput.checkRouteVia(text, expose, webhooks));
    }

    static FormValidation duration(String field, String value) {
        return engineCheck(value, text -> Durations.parse(field, text));
    }

    static FormValidation variables(String value) {
        return engineCheck(value, VariableLines::parse);
    }

    private static FormValidation engineCheck(String value, EngineCheck check) {
        String text = Util.fixEmptyAndTrim(value);
        if (text == null) {
            return FormValidation.ok();
        }
        try {
            check.accept(text);
            return FormValidation.ok();
        } catch (InvalidInputException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    @FunctionalInterface
    private interface EngineCheck {
        void accept(String text);
    }
}
