package io.jenkins.plugins.branchdeploy.steps;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.branchdeploy.facade.JenkinsFacade;
import java.util.List;
import jenkins.model.Jenkins;

/** The credentials drop-down of a form, filled only for users who may pick credentials there. */
final class CredentialsChoices {

    private static final JenkinsFacade JENKINS = new JenkinsFacade();

    private CredentialsChoices() {}

    static boolean canList(Item item) {
        return item == null
                ? JENKINS.hasPermission(Jenkins.ADMINISTER)
                : item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    static ListBoxModel matching(Item item, String current, CredentialsMatcher matcher) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (!canList(item)) {
            return result.includeCurrentValue(current);
        }
        result.includeEmptyValue()
                .includeMatchingAs(
                        item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2,
                        item,
                        StandardCredentials.class,
                        List.of(),
                        matcher)
                .includeCurrentValue(current);
        return result;
    }
}
