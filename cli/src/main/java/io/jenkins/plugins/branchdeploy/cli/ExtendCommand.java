package io.jenkins.plugins.branchdeploy.cli;

import io.jenkins.plugins.branchdeploy.engine.Durations;
import io.jenkins.plugins.branchdeploy.engine.ProgressListener;
import io.jenkins.plugins.branchdeploy.engine.cluster.Environment;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentLifecycle;
import io.jenkins.plugins.branchdeploy.engine.cluster.EnvironmentRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code branch-deploy extend}: keeps an environment beyond its time-to-live. */
@Command(name = "extend", mixinStandardHelpOptions = true,
        description = "Keeps a branch's environment longer: sets keep-until to the given time after the later of now and when it would end so far. "
                + "Extending twice adds up; the next deploy keeps the extension.")
class ExtendCommand extends EnvironmentCommand {

    @Option(names = "--for", required = true, paramLabel = "DURATION", description = "How much longer, e.g. 2d or 12h.")
    String extension;

    @Override
    void change(EnvironmentLifecycle lifecycle, EnvironmentRef environment, ProgressListener progress) {
        lifecycle.extend(environment, Durations.parse("for", extension));
    }

    @Override
    String done(Environment after) {
        return "Extended " + after.namespace() + " until " + after.keepUntil();
    }
}
