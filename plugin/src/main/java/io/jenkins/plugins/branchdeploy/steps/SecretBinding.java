package io.jenkins.plugins.branchdeploy.steps;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.UsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.ListBoxModel;
import java.util.Objects;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One credential to put into the environment as a Kubernetes Secret: which credentials id, which
 * Secret, which key. A secret text or a secret file fills {@code key}; a username with password
 * fills {@code <key>-username} and {@code <key>-password}, or {@code usernameKey} and
 * {@code passwordKey} when given. Holds the id only, never the value.
 */
public final class SecretBinding implements Describable<SecretBinding> {

    private final String credentialsId;
    private final String secretName;
    private final String key;
    private String usernameKey;
    private String passwordKey;

    @DataBoundConstructor
    public SecretBinding(String credentialsId, String secretName, String key) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
        this.secretName = Util.fixEmptyAndTrim(secretName);
        this.key = Util.fixEmptyAndTrim(key);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public String getSecretName() {
        return secretName;
    }

    public String getKey() {
        return key;
    }

    public String getUsernameKey() {
        return usernameKey;
    }

    @DataBoundSetter
    public void setUsernameKey(String usernameKey) {
        this.usernameKey = Util.fixEmptyAndTrim(usernameKey);
    }

    public String getPasswordKey() {
        return passwordKey;
    }

    @DataBoundSetter
    public void setPasswordKey(String passwordKey) {
        this.passwordKey = Util.fixEmptyAndTrim(passwordKey);
    }

    /** The key that holds the user name of a username-with-password credential. */
    String usernameKeyOrDefault() {
        return Objects.requireNonNullElse(usernameKey, key + "-username");
    }

    /** The key that holds the password of a username-with-password credential. */
    String passwordKeyOrDefault() {
        return Objects.requireNonNullElse(passwordKey, key + "-password");
    }

    /** A row added in the form and left untouched: the Snippet Generator leaves it out rather than write {@code [[]]}. */
    boolean isEmpty() {
        return credentialsId == null && secretName == null && key == null && usernameKey == null && passwordKey == null;
    }

    @Override
    public String toString() {
        return credentialsId + " -> " + secretName + "/" + key;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<SecretBinding> {

        @NonNull
        @Override
        public String getDisplayName() {
            return "Secret from a credential";
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return CredentialsChoices.matching(item, credentialsId, CredentialsMatchers.anyOf(
                    CredentialsMatchers.instanceOf(StringCredentials.class),
                    CredentialsMatchers.instanceOf(UsernamePasswordCredentials.class),
                    CredentialsMatchers.instanceOf(FileCredentials.class)));
        }
    }
}
