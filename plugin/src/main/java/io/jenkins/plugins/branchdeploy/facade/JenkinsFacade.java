package io.jenkins.plugins.branchdeploy.facade;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.Permission;
import java.nio.file.Path;
import jenkins.model.Jenkins;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one way the plugin reaches the running Jenkins ({@link Jenkins#get()}): what the glue decides
 * around it gets plain unit tests with a fake of this class instead of a started Jenkins.
 */
public class JenkinsFacade {

    /** This Jenkins itself, as the context of system-wide credentials and clusters. */
    public Jenkins root() {
        return Jenkins.get();
    }

    /** @throws AccessDeniedException when the current user lacks {@code permission} on this Jenkins */
    public void checkPermission(Permission permission) {
        Jenkins.get().checkPermission(permission);
    }

    public boolean hasPermission(Permission permission) {
        return Jenkins.get().hasPermission(permission);
    }

    /**
     * @return {@code null} when there is no such item, or the user may not see that it exists
     * @throws AccessDeniedException when the user may see the item but not read it
     */
    @CheckForNull
    public <T extends Item> T getItemByFullName(String fullName, Class<T> type) {
        return Jenkins.get().getItemByFullName(fullName, type);
    }

    /** Every item of {@code type} in this Jenkins, lazily, as the current user may see them. */
    public <T extends Item> Iterable<T> allItems(Class<T> type) {
        return Jenkins.get().allItems(type);
    }

    /** This Jenkins' own URL, ending in {@code /}; {@code null} while it is not configured. */
    @CheckForNull
    public String rootUrl() {
        return Jenkins.get().getRootUrl();
    }

    /** {@code JENKINS_HOME}. */
    public Path rootDir() {
        return Jenkins.get().getRootDir().toPath();
    }

    /** The id of the user the current request runs as, or {@code null} when anonymous. */
    @CheckForNull
    public String currentUserId() {
        User user = User.current();
        return user == null ? null : user.getId();
    }

    /** A stable id of this Jenkins, kept in its home directory. */
    public String legacyInstanceId() {
        return Jenkins.get().getLegacyInstanceId();
    }
}
