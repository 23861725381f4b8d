package io.jenkins.plugins.branchdeploy.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.DeployResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/** One run of {@code branchDeploy}: deploys through {@link BuildDeployer} and returns what Pipeline scripts read. */
final class BranchDeployExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

    private static final long serialVersionUID = 1L;

    private final transient BranchDeployStep step;

    BranchDeployExecution(BranchDeployStep step, StepContext context) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        StepContext context = getContext();
        BuildDeployer deployment = new BuildDeployer(
                context.get(Run.class), context.get(EnvVars.class), context.get(TaskListener.class));
        DeployResult result = deployment.deploy(step, context.get(FilePath.class));
        // plain serialisable map: Pipeline scripts read result.url, result.namespace, result.environment,
        // result.webhookUrl; all null when the branch filter leaves the branch out
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("url", result == null ? null : result.url());
        values.put("namespace", result == null ? null : result.names().namespace());
        values.put("environment", result == null ? null : result.names().environment());
        values.put("webhookUrl", deployment.webhookUrl());
        return values;
    }
}
