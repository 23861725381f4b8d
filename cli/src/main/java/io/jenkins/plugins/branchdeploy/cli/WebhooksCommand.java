package io.jenkins.plugins.branchdeploy.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.BranchEnvironments;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentRef;
import io.jenkins.plugins.branchdeploy.engine.cluster.WebhookListing;
import io.jenkins.plugins.branchdeploy.engine.cluster.WebhookRoute;
import io.jenkins.plugins.branchdeploy.engine.naming.NamingPolicy;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code branch-deploy webhooks}: where an app's third-party webhooks go, and moving its default route. */
@Command(name = "webhooks", mixinStandardHelpOptions = true,
        description = "The webhook routes of an app's environments (deployed with --webhooks): list them, or send the "
                + "bare webhook host to one environment.",
        subcommands = {WebhooksCommand.Route.class, WebhooksCommand.ListRoutes.class})
class WebhooksCommand {

    /** {@code branch-deploy webhooks route}: the app's default route goes to one environment. */
    @Command(name = "route", mixinStandardHelpOptions = true,
            description = "Sends the app's bare webhook host (https://WEBHOOK-HOST/...), for providers with a single endpoint "
                    + "such as a Twilio number or a GitHub App, to a branch's or pull request's environment, in one update. "
                    + "When that environment is torn down the default falls back to main's environment, else it is removed.")
    static class Route implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ClusterOptions cluster;

        @Mixin
        EnvironmentChoice environment;

        @Override
        public Integer call() {
            ProgressListener progress = new StderrProgress(spec.commandLine().getErr());
            WebhookRoute route;
            try (KubernetesClient client = cluster.connect()) {
                route = new BranchEnvironments(client, cluster.installation(), environment.naming())
                        .webhooks().route(EnvironmentRef.of(environment.branchRef()), progress);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Webhooks to https://" + route.host() + "/ go to " + route.namespace() + " (" + route.url() + ")");
            out.flush();
            return 0;
        }
    }

    /** {@code branch-deploy webhooks list}: the app's webhook host, each environment's route and the default. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Shows the app's webhook host, each environment's webhook URL and Service, and where the default "
                    + "route (the bare host) goes.")
    static class ListRoutes implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ClusterOptions cluster;

        @Mixin
        OutputOption output;

        @Option(names = "--app", required = true, paramLabel = "APP", description = "Application name, e.g. shop.")
        String app;

        @Override
        public Integer call() {
            WebhookListing listing;
            try (KubernetesClient client = cluster.connect()) {
                listing = new BranchEnvironments(client, cluster.installation(), NamingPolicy.namespacesOnly(null))
                        .webhooks().list(app, new StderrProgress(spec.commandLine().getErr()));
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output.format() == OutputFormat.json) {
                out.println(Json.write(asMap(listing)));
            } else if (listing.routes().isEmpty()) {
                out.println("No environment of app " + listing.app() + " has webhooks; deploy one with --webhooks SERVICE[:PORT]");
            } else {
                out.println("Webhook host of " + listing.app() + ": " + listing.host());
                out.println("  default: " + (listing.defaultRoute() == null ? "none (webhooks route --app " + listing.app()
                        + " --branch BRANCH sets it)" : listing.defaultRoute().environment().environment()
                        + " (" + listing.defaultRoute().environment().namespace() + ")"));
                for (WebhookListing.Entry entry : listing.routes()) {
                    out.println("  " + entry.environment().environment() + "  " + entry.route().url() + "  -> "
                            + entry.route().target() + "  " + (entry.environment().status() == null ? "unknown"
                                    : entry.environment().status().value()));
                }
            }
            out.flush();
            return 0;
        }

        private static Map<String, Object> asMap(WebhookListing listing) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("app", listing.app());
            map.put("host", listing.host());
            map.put("default", listing.defaultRoute() == null ? null : listing.defaultRoute().environment().environment());
            map.put("routes", listing.routes().stream().map(entry -> {
                Map<String, Object> route = new LinkedHashMap<>();
                route.put("environment", entry.environment().environment());
                route.put("namespace", entry.environment().namespace());
                route.put("branch", entry.environment().branch());
                route.put("change", entry.environment().change());
                route.put("status", entry.environment().status() == null ? null : entry.environment().status().value());
                route.put("url", entry.route().url());
                route.put("service", entry.route().target());
                route.put("gateway", entry.route().gateway() == null ? null : entry.route().gateway().toString());
                return route;
            }).toList());
            return map;
        }
    }
}
