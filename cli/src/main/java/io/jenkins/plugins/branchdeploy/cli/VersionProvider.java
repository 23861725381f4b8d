package io.jenkins.plugins.branchdeploy.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or "development" when run from classes. */
class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = BranchDeployCommand.class.getPackage().getImplementationVersion();
        return new String[] {"branch-deploy " + (version == null ? "development" : version)};
    }
}
