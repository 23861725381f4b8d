package io.jenkins.plugins.branchdeploy.overview;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.security.Permission;
import hudson.security.PermissionGroup;
import hudson.security.PermissionScope;
import jenkins.model.Jenkins;
import org.jvnet.localizer.Localizable;
import org.jvnet.localizer.ResourceBundleHolder;

/**
 * Who may create variants ("Try a variant"): a permission of its own in a group of its own, so that
 * an authorization strategy grants it apart from configuring jobs or administering Jenkins.
 * Administrators have it by implication; nobody else, anonymous users included, has it until it is
 * granted. Declared as the static fields of its owner class, so that {@code Permission.fromId}
 * finds it by loading this class.
 */
public final class VariantPermission {

    private static final ResourceBundleHolder TEXT = ResourceBundleHolder.get(VariantPermission.class);

    public static final PermissionGroup GROUP = new PermissionGroup(VariantPermission.class, new Localizable(TEXT, "group"));

    /** Create a variant of any listed environment, and see the "Try a variant" page. */
    public static final Permission CREATE = new Permission(GROUP, "Create", new Localizable(TEXT, "create"),
            Jenkins.ADMINISTER, PermissionScope.JENKINS);

    private VariantPermission() {}

    /**
     * Registers the permission once plugins have started, by loading this class, so that the
     * security settings list it before anything else has used it.
     */
    @Initializer(after = InitMilestone.PLUGINS_STARTED)
    public static void register() {
        // loading the class registered GROUP and CREATE
    }
}
