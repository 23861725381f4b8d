package io.jenkins.plugins.branchdeploy.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The engine's messages name parameters as the Jenkins steps spell them ({@code sourceNamespace});
 * on the command line the same parameter is a flag ({@code --source-namespace}). Rewrites the
 * names of the running command's own options, so that an error names what the user can type.
 */
final class FlagNames {

    private FlagNames() {}

    static String inMessage(String message, CommandSpec command) {
        String text = message;
        for (OptionSpec option : command.options()) {
            String flag = option.longestName();
            if (!flag.startsWith("--")) {
                continue;
            }
            String parameter = parameterName(flag.substring(2));
            if (!parameter.equals(flag.substring(2))) {
                text = Pattern.compile("(?<![\\w-])" + parameter + "(?!\\w)").matcher(text)
                        .replaceAll(Matcher.quoteReplacement(flag));
            }
        }
        return text;
    }

    /** {@code source-namespace} gives {@code sourceNamespace}. */
    static String parameterName(String flag) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : flag.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
