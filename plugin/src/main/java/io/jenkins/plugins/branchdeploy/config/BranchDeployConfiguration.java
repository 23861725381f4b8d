package io.jenkins.plugins.branchdeploy.config;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.branchdeploy.engine.Durations;
import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchFilter;
import io.jenkins.plugins.branchdeploy.engine.branch.TrustedForks;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.database.AdminConnection;
import io.jenkins.plugins.branchdeploy.engine.database.DatabaseBranches;
import io.jenkins.plugins.branchdeploy.engine.deploy.BranchDeployer;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.CleanupPolicy;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.WorkingHours;
import io.jenkins.plugins.branchdeploy.engine.naming.DnsNames;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * "Branch deployments" on the system configuration page, {@code unclassified: branchDeploy:} in
 * Configuration-as-Code: the clusters, the defaults every project inherits, and the cleanup brakes.
 */
@Extension
@Symbol("branchDeploy")
public class BranchDeployConfiguration extends GlobalConfiguration {

    static final int DEFAULT_CLEANUP_PERIOD_MINUTES = 15;

    private List<ClusterConfig> clusters = new ArrayList<>();
    private String installationId;
    private String domain;
    private String namespaceTemplate = NamingPolicy.DEFAULT_NAMESPACE_TEMPLATE;
    private String hostTemplate = NamingPolicy.DEFAULT_HOST_TEMPLATE;
    private String ingressClass;
    private String tlsSecret;
    private String quotaCpu = Quota.DEFAULT.cpu();
    private String quotaMemory = Quota.DEFAULT.memory();
    private int quotaPods = Quota.DEFAULT.pods();
    private String ttl = DeployRequest.DEFAULT_TTL_TEXT;
    private String workingHours;
    private String idlePeriod;
    private int cleanupPeriodMinutes = DEFAULT_CLEANUP_PERIOD_MINUTES;
    private int maxTeardownsPerRun = CleanupPolicy.DEFAULT_MAX_TEARDOWNS_PER_RUN;
    private int maxTeardownPercent = CleanupPolicy.DEFAULT_MAX_TEARDOWN_PERCENT;
    private boolean dryRun;
    private String trustedForks;
    private String branchFilter;
    private String databaseAdminCredentialsId;

    public BranchDeployConfiguration() {
        load();
    }

    public static BranchDeployConfiguration get() {
        return ExtensionList.lookupSingleton(BranchDeployConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return "Branch deployments";
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        // a form without clusters binds no list at all: start from none so that deleting the last one sticks
        clusters = new ArrayList<>();
        boolean configured = super.configure(req, json);
        save();
        return configured;
    }

    /**
     * The settings that hold for {@code job}: these defaults, overridden by each enclosing folder's
     * {@link BranchDeployProperty} from the outermost in, then by the job's {@link BranchDeployJobProperty}.
     *
     * @throws InvalidInputException naming the field when a setting in effect is unusable
     */
    public EffectiveSettings settingsFor(Job<?, ?> job) {
        ProjectSettings merged = defaults();
        for (ProjectSettings layer : layersOf(job)) {
            merged = layer.over(merged);
        }
        return new EffectiveSettings(
                getEffectiveInstallationId(),
                cluster(merged.getCluster()),
                merged.getDomain(),
                merged.getNamespaceTemplate(),
                merged.getHostTemplate(),
                QuotaInput.of(merged.getQuotaCpu(), merged.getQuotaMemory(), merged.getQuotaPods()),
                Durations.parse("ttl", merged.getTtl()),
                TrustedForks.parse(merged.getTrustedForks()),
                BranchFilter.parse(branchFilter),
                merged.getIngressClass(),
                merged.getTlsSecret());
    }

    /** The global values as the bottom layer of {@link #settingsFor}. */
    private ProjectSettings defaults() {
        ProjectSettings defaults = new ProjectSettings();
        defaults.setDomain(domain);
        defaults.setNamespaceTemplate(namespaceTemplate);
        defaults.setHostTemplate(hostTemplate);
        defaults.setTtl(Util.fixEmptyAndTrim(ttl) == null ? DeployRequest.DEFAULT_TTL_TEXT : ttl);
        defaults.setQuotaCpu(quotaCpu);
        defaults.setQuotaMemory(quotaMemory);
        defaults.setQuotaPods(String.valueOf(quotaPods));
        defaults.setTrustedForks(trustedForks);
        defaults.setIngressClass(ingressClass);
        defaults.setTlsSecret(tlsSecret);
        return defaults;
    }

    /** The folders' settings from the outermost in, then the job's own. */
    private static List<ProjectSettings> layersOf(Job<?, ?> job) {
        Deque<ProjectSettings> layers = new ArrayDeque<>();
        for (ItemGroup<?> group = job.getParent(); group instanceof AbstractFolder<?> folder; group = folder.getParent()) {
            BranchDeployProperty property = folder.getProperties().get(BranchDeployProperty.class);
            if (property != null) {
                layers.addFirst(property.getSettings());
            }
        }
        BranchDeployJobProperty own = job.getProperty(BranchDeployJobProperty.class);
        if (own != null) {
            layers.addLast(own.getSettings());
        }
        return List.copyOf(layers);
    }

    /**
     * A deployer for work that belongs to no build (periodic cleanup, the Branch deployments page, a
     * deleted branch job): it counts teardowns in the installation's metrics and, when a global
     * database admin credential is configured, drops the database branches of what it tears down.
     *
     * @throws InvalidInputException naming {@code databaseAdminCredentialsId} when that credential is
     *     missing or does not hold an admin connection URL
     */
    public BranchDeployer deployer(BranchEnvironments environments) {
        return new BranchDeployer(environments, MetricsFile.store()).withDatabases(databaseBranches());
    }

    /**
     * The database server the global admin credential (secret text holding the URL) reaches, looked
     * up as the system; {@code null} when none is configured.
     *
     * @throws InvalidInputException naming {@code databaseAdminCredentialsId} when that credential is
     *     missing or does not hold an admin connection URL
     */
    @CheckForNull
    public DatabaseBranches databaseBranches() {
        if (databaseAdminCredentialsId == null) {
            return null;
        }
        StringCredentials admin = databaseAdmin(databaseAdminCredentialsId);
        if (admin == null) {
            throw new InvalidInputException("databaseAdminCredentialsId", "no secret text credential '" + databaseAdminCredentialsId
                    + "' is available to Jenkins; add one holding the admin connection URL, or clear the field");
        }
        return new DatabaseBranches(AdminConnection.parse(admin.getSecret().getPlainText()));
    }

    /** A secret text credential of Jenkins itself, looked up as the system; {@code null} when there is none. */
    @CheckForNull
    private static StringCredentials databaseAdmin(String id) {
        return CredentialsProvider.findCredentialByIdInItemGroup(id, StringCredentials.class, Jenkins.get(), ACL.SYSTEM2, List.of());
    }

    /**
     * A configured cluster by name; a blank name means the first one.
     *
     * @throws InvalidInputException naming {@code cluster} when there is no such cluster
     */
    public ClusterConfig cluster(@CheckForNull String name) {
        if (clusters.isEmpty()) {
            throw new InvalidInputException("cluster",
                    "no cluster is configured; add one under Manage Jenkins » System » Branch deployments");
        }
        if (Util.fixEmptyAndTrim(name) == null) {
            return clusters.get(0);
        }
        return clusters.stream().filter(c -> name.trim().equals(c.getName())).findFirst()
                .orElseThrow(() -> new InvalidInputException("cluster", "'" + name + "' is not a configured cluster; use one of: "
                        + clusters.stream().map(ClusterConfig::getName).collect(Collectors.joining(", "))));
    }

    /**
     * The configured id, or one derived from this Jenkins' own identity, stable across restarts.
     *
     * @throws InvalidInputException naming {@code installationId} when the configured one cannot be a label value
     */
    public String getEffectiveInstallationId() {
        return Util.fixEmptyAndTrim(installationId) == null ? derivedInstallationId() : validInstallationId(installationId);
    }

    /** An installation id is a label value: a DNS-1123 label keeps it safe in selectors too. */
    static String validInstallationId(String id) {
        String trimmed = id.trim();
        if (!DnsNames.isDns1123Label(trimmed)) {
            throw new InvalidInputException("installationId", "'" + id
                    + "' must be lower-case letters, digits and hyphens (at most 63), e.g. jenkins-prod");
        }
        return trimmed;
    }

    /** {@code jenkins-} and the start of the instance id, which Jenkins keeps in its home directory. */
    static String derivedInstallationId() {
        return "jenkins-" + Jenkins.get().getLegacyInstanceId().substring(0, 12);
    }

    /** How long an environment may sit idle before it is scaled to zero; empty for never. */
    public Optional<Duration> idle() {
        return Util.fixEmptyAndTrim(idlePeriod) == null
                ? Optional.empty()
                : Optional.of(Durations.parse("idlePeriod", idlePeriod));
    }

    /**
     * The lifecycle policy periodic cleanup runs with: idle period, working hours, the teardown
     * brakes and dry run.
     *
     * @throws InvalidInputException naming the field when the idle period or schedule is malformed
     */
    public CleanupPolicy cleanupPolicy() {
        return CleanupPolicy.defaults()
                .withIdlePeriod(idle().orElse(null))
                .withWorkingHours(workingHours(workingHours))
                .withBrakes(maxTeardownsPerRun, maxTeardownPercent)
                .withDryRun(dryRun);
    }

    /**
     * Working hours: outside them environments are scaled down; {@code null} for none.
     *
     * @throws InvalidInputException naming {@code workingHours} when it is malformed
     */
    static WorkingHours workingHours(String schedule) {
        if (Util.fixEmptyAndTrim(schedule) == null) {
            return null;
        }
        try {
            return WorkingHours.parse(schedule);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("workingHours", e.getMessage().substring(e.getField().length() + 2));
        }
    }

    public List<ClusterConfig> getClusters() {
        return List.copyOf(clusters);
    }

    @DataBoundSetter
    public void setClusters(List<ClusterConfig> clusters) {
        this.clusters = clusters == null ? new ArrayList<>() : new ArrayList<>(clusters);
        save();
    }

    public String getInstallationId() {
        return installationId;
    }

    @DataBoundSetter
    public void setInstallationId(String installationId) {
        this.installationId = Util.fixEmptyAndTrim(installationId);
        save();
    }

    public String getDomain() {
        return domain;
    }

    @DataBoundSetter
    public void setDomain(String domain) {
        this.domain = Util.fixEmptyAndTrim(domain);
        save();
    }

    public String getNamespaceTemplate() {
        return namespaceTemplate;
    }

    @DataBoundSetter
    public void setNamespaceTemplate(String namespaceTemplate) {
        this.namespaceTemplate = Util.fixEmptyAndTrim(namespaceTemplate);
        save();
    }

    public String getHostTemplate() {
        return hostTemplate;
    }

    @DataBoundSetter
    public void setHostTemplate(String hostTemplate) {
        this.hostTemplate = Util.fixEmptyAndTrim(hostTemplate);
        save();
    }

    /** The class of the Ingress that {@code expose} adds, e.g. {@code nginx}; blank for the cluster's default class. */
    public String getIngressClass() {
        return ingressClass;
    }

    @DataBoundSetter
    public void setIngressClass(String ingressClass) {
        this.ingressClass = Util.fixEmptyAndTrim(ingressClass);
        save();
    }

    /** The Secret, in each environment's namespace, with the certificate of the host {@code expose} routes; blank for http. */
    public String getTlsSecret() {
        return tlsSecret;
    }

    @DataBoundSetter
    public void setTlsSecret(String tlsSecret) {
        this.tlsSecret = Util.fixEmptyAndTrim(tlsSecret);
        save();
    }

    public String getQuotaCpu() {
        return quotaCpu;
    }

    @DataBoundSetter
    public void setQuotaCpu(String quotaCpu) {
        this.quotaCpu = Util.fixEmptyAndTrim(quotaCpu);
        save();
    }

    public String getQuotaMemory() {
        return quotaMemory;
    }

    @DataBoundSetter
    public void setQuotaMemory(String quotaMemory) {
        this.quotaMemory = Util.fixEmptyAndTrim(quotaMemory);
        save();
    }

    public int getQuotaPods() {
        return quotaPods;
    }

    @DataBoundSetter
    public void setQuotaPods(int quotaPods) {
        this.quotaPods = quotaPods;
        save();
    }

    public String getTtl() {
        return ttl;
    }

    @DataBoundSetter
    public void setTtl(String ttl) {
        this.ttl = Util.fixEmptyAndTrim(ttl);
        save();
    }

    public String getWorkingHours() {
        return workingHours;
    }

    @DataBoundSetter
    public void setWorkingHours(String workingHours) {
        this.workingHours = Util.fixEmptyAndTrim(workingHours);
        save();
    }

    public String getIdlePeriod() {
        return idlePeriod;
    }

    @DataBoundSetter
    public void setIdlePeriod(String idlePeriod) {
        this.idlePeriod = Util.fixEmptyAndTrim(idlePeriod);
        save();
    }

    public int getCleanupPeriodMinutes() {
        return cleanupPeriodMinutes;
    }

    @DataBoundSetter
    public void setCleanupPeriodMinutes(int cleanupPeriodMinutes) {
        this.cleanupPeriodMinutes = cleanupPeriodMinutes;
        save();
    }

    public int getMaxTeardownsPerRun() {
        return maxTeardownsPerRun;
    }

    @DataBoundSetter
    public void setMaxTeardownsPerRun(int maxTeardownsPerRun) {
        this.maxTeardownsPerRun = maxTeardownsPerRun;
        save();
    }

    public int getMaxTeardownPercent() {
        return maxTeardownPercent;
    }

    @DataBoundSetter
    public void setMaxTeardownPercent(int maxTeardownPercent) {
        this.maxTeardownPercent = maxTeardownPercent;
        save();
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
        save();
    }

    public String getTrustedForks() {
        return trustedForks;
    }

    @DataBoundSetter
    public void setTrustedForks(String trustedForks) {
        this.trustedForks = Util.fixEmptyAndTrim(trustedForks);
        save();
    }

    public String getBranchFilter() {
        return branchFilter;
    }

    @DataBoundSetter
    public void setBranchFilter(String branchFilter) {
        this.branchFilter = Util.fixEmptyAndTrim(branchFilter);
        save();
    }

    public String getDatabaseAdminCredentialsId() {
        return databaseAdminCredentialsId;
    }

    @DataBoundSetter
    public void setDatabaseAdminCredentialsId(String databaseAdminCredentialsId) {
        this.databaseAdminCredentialsId = Util.fixEmptyAndTrim(databaseAdminCredentialsId);
        save();
    }

    @POST
    public ListBoxModel doFillDatabaseAdminCredentialsIdItems(@QueryParameter String databaseAdminCredentialsId) {
        // listing credentials reveals their ids and descriptions: only to those who configure the system
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return new StandardListBoxModel()
                .includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), StandardCredentials.class, List.of(),
                        CredentialsMatchers.instanceOf(StringCredentials.class))
                .includeCurrentValue(Util.fixNull(databaseAdminCredentialsId));
    }

    @POST
    public FormValidation doCheckDatabaseAdminCredentialsId(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        if (FieldChecks.blank(value)) {
            return FormValidation.ok("Without one, environments torn down by cleanup, by the Branch deployments pages "
                    + "and by branchTeardown steps without a database block keep their database branches on the server.");
        }
        return databaseAdmin(value.trim()) == null
                ? FormValidation.error("databaseAdminCredentialsId: no secret text credential '" + value.trim()
                        + "' is available to Jenkins")
                : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckInstallationId(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.installationId(value, derivedInstallationId());
    }

    @POST
    public FormValidation doCheckDomain(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.blank(value)
                ? FormValidation.warning("Deploys need a domain for environment hosts, e.g. preview.example.dev.")
                : FieldChecks.domain(value);
    }

    @POST
    public FormValidation doCheckNamespaceTemplate(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.namespaceTemplate(value);
    }

    @POST
    public FormValidation doCheckHostTemplate(@QueryParameter String value, @QueryParameter String domain) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.hostTemplate(value, domain);
    }

    @POST
    public FormValidation doCheckQuotaCpu(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return required(value, FieldChecks.cpu(value));
    }

    @POST
    public FormValidation doCheckQuotaMemory(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return required(value, FieldChecks.memory(value));
    }

    @POST
    public FormValidation doCheckQuotaPods(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return required(value, FieldChecks.pods(value));
    }

    @POST
    public FormValidation doCheckTtl(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.duration("ttl", value);
    }

    @POST
    public FormValidation doCheckIdlePeriod(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.duration("idlePeriod", value);
    }

    @POST
    public FormValidation doCheckWorkingHours(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.workingHours(value);
    }

    @POST
    public FormValidation doCheckCleanupPeriodMinutes(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.wholeNumber("cleanupPeriodMinutes", value, 1, Integer.MAX_VALUE, "e.g. 15");
    }

    @POST
    public FormValidation doCheckMaxTeardownsPerRun(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.wholeNumber("maxTeardownsPerRun", value, 0, Integer.MAX_VALUE, "e.g. 10; 0 stops teardowns by cleanup");
    }

    @POST
    public FormValidation doCheckMaxTeardownPercent(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.wholeNumber("maxTeardownPercent", value, 0, 100, "a percentage, e.g. 20");
    }

    @POST
    public FormValidation doCheckTrustedForks(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.trustedForks(value);
    }

    @POST
    public FormValidation doCheckBranchFilter(@QueryParameter String value) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        return FieldChecks.branchFilter(value);
    }

    private static FormValidation required(String value, FormValidation check) {
        return FieldChecks.blank(value) ? FormValidation.error("Give a value; every environment gets this limit") : check;
    }
}
