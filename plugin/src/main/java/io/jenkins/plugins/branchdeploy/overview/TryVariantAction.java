package io.jenkins.plugins.branchdeploy.overview;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.model.RootAction;
import hudson.security.Permission;
import io.jenkins.plugins.branchdeploy.config.BranchDeployConfiguration;
import io.jenkins.plugins.branchdeploy.config.SettingsResolver;
import io.jenkins.plugins.branchdeploy.engine.RefusedException;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranches;
import io.jenkins.plugins.branchdeploy.engine.variant.VariantRequest;
import io.jenkins.plugins.branchdeploy.engine.variant.VariantResult;
import io.jenkins.plugins.branchdeploy.engine.variant.Variants;
import io.jenkins.plugins.branchdeploy.facade.JenkinsFacade;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.interceptor.RequirePOST;

/**
 * "Try a variant" ({@code /try-variant/}): a form that copies a live environment with other images
 * and environment variables under a name of its own, and a result page with the link to share. For
 * those granted {@link VariantPermission#CREATE}; linked from the Branch deployments pages and from
 * each environment's row there.
 */
@Extension
public class TryVariantAction implements RootAction {

    static final String URL = "try-variant";

    private static final JenkinsFacade JENKINS = new JenkinsFacade();
    private static final Logger LOGGER = Logger.getLogger(TryVariantAction.class.getName());

    @CheckForNull
    @Override
    public String getIconFileName() {
        return mayCreate() && !BranchDeployConfiguration.get().getClusters().isEmpty() ? ProjectDeploymentsAction.SYMBOL : null;
    }

    @Override
    public String getDisplayName() {
        return "Try a variant";
    }

    @Override
    public String getUrlName() {
        return URL;
    }

    /** What the page requires, for its layout's check. */
    public Permission getCreatePermission() {
        return VariantPermission.CREATE;
    }

    /** The environments a variant can be copied from, per cluster. */
    public List<ClusterEnvironments> getClusters() {
        JENKINS.checkPermission(VariantPermission.CREATE);
        return EnvironmentListing.list(environment -> true, environment -> false);
    }

    /** The time to live a variant gets when the form leaves it empty. */
    public String getDefaultTtl() {
        return VariantRequest.DEFAULT_TTL_TEXT;
    }

    /** Whether the current user may create variants: the Branch deployments pages link here only then. */
    static boolean mayCreate() {
        return JENKINS.hasPermission(VariantPermission.CREATE);
    }

    /**
     * Creates the variant and shows its link.
     *
     * @param source the environment to copy, as {@code CLUSTER/NAMESPACE}
     * @param images one {@code CONTAINER=IMAGE} a line
     * @param env one {@code WORKLOAD:KEY=VALUE} a line
     */
    @RequirePOST
    public HttpResponse doCreate(@QueryParameter String source, @QueryParameter String name, @QueryParameter String images,
            @QueryParameter String env, @QueryParameter String ttl) {
        JENKINS.checkPermission(VariantPermission.CREATE);
        int slash = source == null ? -1 : source.lastIndexOf('/');
        if (slash <= 0) {
            return HttpResponses.errorWithoutStack(400, "source: '" + source + "' is not CLUSTER/NAMESPACE; choose an environment the page lists");
        }
        String cluster = source.substring(0, slash);
        String namespace = source.substring(slash + 1);
        BranchDeployConfiguration config = BranchDeployConfiguration.get();
        try (ClusterSession session = ClusterSession.open(config, new SettingsResolver(config).cluster(cluster))) {
            Optional<Environment> from = session.find(namespace);
            if (from.isEmpty()) {
                return HttpResponses.errorWithoutStack(404, "source: no environment in namespace '" + namespace + "' on cluster '"
                        + cluster + "'; choose one the page lists");
            }
            VariantRequest request = VariantRequest.builder(from.get().app(), name).environment(from.get().environment())
                    .images(lines(images)).env(lines(env)).ttl(ttl).createdBy(JENKINS.currentUserId()).build();
            DatabaseBranches databases = new SettingsResolver(config).databaseBranches();
            Variants variants = new Variants(session.environments());
            VariantResult result = (databases == null ? variants : variants.withDatabases(databases)).create(request, LOGGER::info);
            return HttpResponses.forwardToView(this, "result").with("variant", new CreatedVariant(cluster, result));
        } catch (RefusedException e) {
            return Refusals.response(e);
        }
    }

    /** The non-blank lines of a text area, trimmed. */
    static List<String> lines(@CheckForNull String text) {
        return text == null ? List.of() : text.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }

    /** The link to this page with the form's source chosen: an environment row's "Try a variant". */
    static String linkFor(String cluster, String namespace) {
        return URL + "/?cluster=" + encode(cluster) + "&namespace=" + encode(namespace);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
