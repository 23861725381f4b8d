package io.jenkins.plugins.branchdeploy.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.BurstBrake;
import io.jenkins.plugins.branchdeploy.engine.lifecycle.CleanupPolicy;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import io.jenkins.plugins.branchdeploy.engine.request.DeployRequest;
import io.jenkins.plugins.branchdeploy.engine.request.Quota;
import java.util.ArrayList;
import java.util.List;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * "Branch deployments" on the system configuration page, {@code unclassified: branchDeploy:} in
 * Configuration-as-Code: the clusters, the defaults every project inherits, and the cleanup brakes.
 * Only the values, those of how environments are reached inherited from {@link ExposureDefaults}:
 * {@link SettingsResolver} says what they mean for a job, and the form's checks are inherited from
 * {@link ConfigurationValidators}.
 */
@Extension
@Symbol("branchDeploy")
public class BranchDeployConfiguration extends ExposureDefaults {

    static final int DEFAULT_CLEANUP_PERIOD_MINUTES = 15;

    private List<ClusterConfig> clusters = new ArrayList<>();
    private String installationId;
    private String domain;
    private String namespaceTemplate = NamingPolicy.DEFAULT_NAMESPACE_TEMPLATE;
    private String hostTemplate = NamingPolicy.DEFAULT_HOST_TEMPLATE;
    private String quotaCpu = Quota.DEFAULT.cpu();
    private String quotaMemory = Quota.DEFAULT.memory();
    private int quotaPods = Quota.DEFAULT.pods();
    private String ttl = DeployRequest.DEFAULT_TTL_TEXT;
    private String workingHours;
    private String idlePeriod;
    private int cleanupPeriodMinutes = DEFAULT_CLEANUP_PERIOD_MINUTES;
    private int maxTeardownsPerRun = CleanupPolicy.DEFAULT_MAX_TEARDOWNS_PER_RUN;
    private int maxTeardownPercent = CleanupPolicy.DEFAULT_MAX_TEARDOWN_PERCENT;
    private int burstMaxTeardowns = BurstBrake.DEFAULT_MAX_TEARDOWNS;
    private int burstWindowMinutes = (int) BurstBrake.DEFAULT_WINDOW.toMinutes();
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
        forgetArgoCd(); // likewise for an unticked Argo CD block
        boolean configured = super.configure(req, json);
        save();
        return configured;
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

    public int getBurstMaxTeardowns() {
        return burstMaxTeardowns;
    }

    @DataBoundSetter
    public void setBurstMaxTeardowns(int burstMaxTeardowns) {
        this.burstMaxTeardowns = burstMaxTeardowns;
        save();
    }

    public int getBurstWindowMinutes() {
        return burstWindowMinutes;
    }

    @DataBoundSetter
    public void setBurstWindowMinutes(int burstWindowMinutes) {
        this.burstWindowMinutes = burstWindowMinutes;
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
}
