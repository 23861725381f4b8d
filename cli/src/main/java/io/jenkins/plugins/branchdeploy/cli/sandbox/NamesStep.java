package io.jenkins.plugins.branchdeploy.cli.sandbox;

import java.util.Locale;

/** Shows the names every deployed environment goes by: environment id, namespace and URL. */
final class NamesStep implements SandboxStep {

    private static final String FORMAT = "%-34s %-24s %-30s %s";

    @Override
    public String title() {
        return "Names and URLs: one namespace and one host per branch and pull request";
    }

    @Override
    public void run(SandboxTour tour) {
        tour.show(String.format(Locale.ROOT, FORMAT, "DEPLOYED", "ENVIRONMENT", "NAMESPACE", "URL"));
        tour.deployed().forEach((branch, result) -> tour.show(String.format(Locale.ROOT, FORMAT,
                branch.describe(), result.names().environment(), result.names().namespace(), result.url())));
    }
}
