package io.jenkins.plugins.branchdeploy.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** How manifests are rendered, the same for every command that renders them ({@code deploy}, {@code diff}). */
public class RenderOptions {

    @Option(names = "--commit", paramLabel = "SHA", description = "The commit being deployed (recorded; $${COMMIT} in manifests).")
    String commit;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A value for $${NAME} in the manifests; repeatable.")
    Map<String, String> variables = new LinkedHashMap<>();

    @Option(names = "--source-namespace", paramLabel = "NAMESPACE",
            description = "The namespace the manifests hard-code; its documents are moved into the environment's namespace.")
    String sourceNamespace;
}
