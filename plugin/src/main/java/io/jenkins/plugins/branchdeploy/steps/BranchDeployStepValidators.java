package io.jenkins.plugins.branchdeploy.steps;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The form checks of {@code branchDeploy}'s fields. Stapler looks a field's check up as a public
 * {@code doCheck<Field>} method of the descriptor's class, inherited ones included
 * ({@code Descriptor.CheckMethod}), so {@link BranchDeployStep.DescriptorImpl} extends this class.
 * Every check runs only for those who may configure the job.
 */
public abstract class BranchDeployStepValidators extends StepDescriptor {

    @POST
    public ListBoxModel doFillSourceItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("Detect from the manifests", "");
        items.add("Plain YAML", "yaml");
        items.add("Helm chart", "helm");
        items.add("Kustomize overlay", "kustomize");
        return items;
    }

    @POST
    public FormValidation doCheckCluster(@AncestorInPath Item item, @QueryParameter String value) {
        return StepForms.canValidate(item) ? StepForms.cluster(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckDomain(@AncestorInPath Item item, @QueryParameter String value) {
        return StepForms.canValidate(item) ? StepForms.domain(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckVariablesText(@AncestorInPath Item item, @QueryParameter String value) {
        return StepForms.canValidate(item) ? StepForms.variables(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckQuota(@AncestorInPath Item item, @QueryParameter String value) {
        return StepForms.canValidate(item) ? StepForms.quota(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckExpose(@AncestorInPath Item item, @QueryParameter String value) {
        return StepForms.canValidate(item) ? StepForms.expose(value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckRouteVia(@AncestorInPath Item item, @QueryParameter String value, @QueryParameter String expose) {
        return StepForms.canValidate(item) ? StepForms.routeVia(value, expose) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckTtl(@AncestorInPath Item item, @QueryParameter String value) {
        return StepForms.canValidate(item) ? StepForms.duration("ttl", value) : FormValidation.ok();
    }

    @POST
    public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
        return StepForms.canValidate(item) ? StepForms.duration("timeout", value) : FormValidation.ok();
    }
}
