package io.jenkins.plugins.branchdeploy.overview;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import io.jenkins.plugins.branchdeploy.facade.JenkinsFacade;
import org.springframework.security.access.AccessDeniedException;

/** The project an environment's owner annotation names, as the current user sees it. */
final class Projects {

    private static final JenkinsFacade JENKINS = new JenkinsFacade();

    private Projects() {}

    /** @return the item, or {@code null} when it does not exist or the user may not read it */
    @CheckForNull
    static Item visible(String fullName) {
        try {
            return JENKINS.getItemByFullName(fullName, Item.class);
        } catch (AccessDeniedException e) {
            return null;
        }
    }
}
