package io.jenkins.plugins.branchdeploy.steps;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.verb.POST;

/**
 * The database branch a deploy asks for: a strategy such as {@code template:seed} (a copy of the
 * {@code seed} database) or {@code schema:db/seed.sql} (a schema loaded from that workspace file),
 * and the id of the administrator credential that may create it: secret text holding the admin
 * connection URL {@code postgresql://USER:PASSWORD@HOST:PORT/DATABASE}, the same text the command line
 * reads from {@code BRANCH_DEPLOY_DATABASE_URL}. Holds the id only.
 */
public final class DatabaseOptions implements Describable<DatabaseOptions> {

    private final String strategy;
    private String credentialsId;

    @DataBoundConstructor
    public DatabaseOptions(String strategy) {
        this.strategy = Util.fixEmptyAndTrim(strategy);
    }

    public String getStrategy() {
        return strategy;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    @Override
    public String toString() {
        return strategy;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<DatabaseOptions> {

        @NonNull
        @Override
        public String getDisplayName() {
            return "Database branch";
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CredentialsChoices.matching(
                    item, credentialsId, CredentialsMatchers.instanceOf(StringCredentials.class));
        }

        @POST
        public FormValidation doCheckStrategy(@AncestorInPath Item item, @QueryParameter String value) {
            return StepForms.canValidate(item) ? StepForms.databaseStrategy(value) : FormValidation.ok();
        }
    }
}
