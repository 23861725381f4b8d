package io.jenkins.plugins.branchdeploy.config;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.Util;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.branchdeploy.facade.JenkinsFacade;
import java.util.List;
import java.util.function.Supplier;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The form checks of the system configuration's Branch deployments section. Stapler looks a
 * field's check up as a public {@code doCheck<Field>} method of the descriptor's class, inherited
 * ones included ({@code Descriptor.CheckMethod}), so {@link BranchDeployConfiguration} extends this
 * class and stays a bean. Every check runs only for those who configure the system.
 */
public abstract class ConfigurationValidators extends GlobalConfiguration {

    private static final JenkinsFacade JENKINS = new JenkinsFacade();

    /** Runs a check for an administrator; anyone else is refused before it runs. */
    private static <T> T asAdministrator(Supplier<T> check) {
        JENKINS.checkPermission(Jenkins.ADMINISTER);
        return check.get();
    }

    @POST
    public ListBoxModel doFillDatabaseAdminCredentialsIdItems(@QueryParameter String databaseAdminCredentialsId) {
        // listing credentials reveals their ids and descriptions: only to those who configure the system
        return asAdministrator(() -> new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, JENKINS.root(), StandardCredentials.class, List.of(),
                        CredentialsMatchers.instanceOf(StringCredentials.class))
                .includeCurrentValue(Util.fixNull(databaseAdminCredentialsId)));
    }

    @POST
    public FormValidation doCheckDatabaseAdminCredentialsId(@QueryParameter String value) {
        return asAdministrator(() -> {
            if (FieldChecks.blank(value)) {
                return FormValidation.ok("Without one, environments torn down by cleanup, by the Branch deployments pages "
                        + "and by branchTeardown steps without a database block keep their database branches on the server.");
            }
            return SettingsResolver.databaseAdmin(value.trim()) == null
                    ? FormValidation.error("databaseAdminCredentialsId: no secret text credential '" + value.trim()
                            + "' is available to Jenkins")
                    : FormValidation.ok();
        });
    }

    @POST
    public FormValidation doCheckInstallationId(@QueryParameter String value) {
        return asAdministrator(() -> FieldChecks.installationId(value, SettingsResolver.derivedInstallationId()));
    }

    @POST
    public FormValidation doCheckDomain(@QueryParameter String value) {
        return asAdministrator(() -> FieldChecks.blank(value)
                ? FormValidation.warning("Deploys need a domain for environment hosts, e.g. preview.example.dev.")
                : FieldChecks.domain(value));
    }

    @POST
    public FormValidation doCheckNamespaceTemplate(@QueryParameter String value) {
        return asAdministrator(() -> FieldChecks.namespaceTemplate(value));
    }

    @POST
    public FormValidation doCheckHostTemplate(@QueryParameter String value, @QueryParameter String domain) {
        return asAdministrator(() -> FieldChecks.hostTemplate(value, domain));
    }

    @POST
    public FormValidation doCheckQuotaCpu(@QueryParameter String value) {
        return asAdministrator(() -> required(value, FieldChecks.cpu(value)));
    }

    @POST
    public FormValidation doCheckQuotaMemory(@QueryParameter String value) {
        return asAdministrator(() -> required(value, FieldChecks.memory(value)));
    }

    @POST
    public FormValidation doCheckQuotaPods(@QueryParameter String value) {
        return asAdministrator(() -> required(value, FieldChecks.pods(value)));
    }

    @POST
    public FormValidation doCheckTtl(@QueryParameter String value) {
        return asAdministrator(() -> FieldChecks.duration("ttl", value));
    }

    @POST
    public FormValidation doCheckIdlePeriod(@QueryParameter String value) {
        return asAdministrator(() -> FieldChecks.duration("idlePeriod", value));
    }

    @POST
    public FormValidation doCheckWorkingHours(@QueryParameter String value) {
        return asAdministrator(() -> FieldChecks.workingHours(value));
    }

    @POST
    public FormValidation doCheckCleanupPeriodMinutes(@QueryParameter String value) {
        return asAdministrator(() -> FieldChecks.wholeNumber("cleanupPeriodMinutes", value, 1, Integer.MAX_VALUE, "e.g. 15"));
    }

    @POST
    public FormValidation doCheckMaxTeardownsPerRun(@QueryParameter String value) {
        return asAdministrator(() -> FieldChecks.wholeNumber("maxTeardownsPerRun", value, 0, Integer.MAX_VALUE,
                "e.g. 10; 0 stops teardowns by cleanup"));
    }

    @POST
    public FormValidation doCheckMaxTeardownPercent(@QueryParameter String value) {
        return asAdministrator(() -> FieldChecks.wholeNumber("maxTeardownPercent", value, 0, 100, "a percentage, e.g. 20"));
    }

    @POST
    public FormValidation doCheckBurstMaxTeardowns(@QueryParameter String value) {
        return asAdministrator(() -> FieldChecks.wholeNumber("burstMaxTeardowns", value, 0, Integer.MAX_VALUE,
                "e.g. 20; 0 holds every teardown"));
    }

    @POST
    public FormValidation doCheckBurstWindowMinutes(@QueryParameter String value) {
        return asAdministrator(() -> FieldChecks.wholeNumber("burstWindowMinutes", value, 1, Integer.MAX_VALUE, "e.g. 10"));
    }

    @POST
    public FormValidation doCheckTrustedForks(@QueryParameter String value) {
        return asAdministrator(() -> FieldChecks.trustedForks(value));
    }

    @POST
    public FormValidation doCheckAllowFromNamespaces(@QueryParameter String value) {
        return asAdministrator(() -> FieldChecks.allowFromNamespaces(value));
    }

    @POST
    public FormValidation doCheckWebhookHostTemplate(@QueryParameter String value, @QueryParameter String domain) {
        return asAdministrator(() -> FieldChecks.webhookHostTemplate(value, domain));
    }

    @POST
    public FormValidation doCheckWebhookIngressAnnotations(@QueryParameter String value) {
        return asAdministrator(() -> FieldChecks.webhookIngressAnnotations(value));
    }

    @POST
    public FormValidation doCheckBranchFilter(@QueryParameter String value) {
        return asAdministrator(() -> FieldChecks.branchFilter(value));
    }

    private static FormValidation required(String value, FormValidation check) {
        return FieldChecks.blank(value) ? FormValidation.error("Give a value; every environment gets this limit") : check;
    }
}
