package io.jenkins.plugins.branchdeploy.overview;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import jenkins.model.Jenkins;
import org.springframework.security.access.AccessDeniedException;

/** The project an environment's owner annotation names, as the current user sees it. */
final class Projects {

    private Projects() {}

    /** @return the item, or {@code null} when it does not exist or the user may not read it */
    @CheckForNull
    static Item visible(String fullName) {
        try {
            return Jenkins.get().getItemByFullName(fullName);
        } catch (AccessDeniedException e) {
            return null;
        }
    }
}
