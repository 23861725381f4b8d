package io.jenkins.plugins.branchdeploy.engine.manifest;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} in manifest text. {@code $${NAME}} is an escape for the literal text
 * {@code ${NAME}}. An undefined name is left as it is and reported in {@link Result#undefined()};
 * the renderer decides whether that is an error.
 */
final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$(\\$?)\\{(" + ManifestVariables.NAME.pattern() + ")}");

    record Result(String text, Set<String> undefined) {}

    private Placeholders() {}

    static Result substitute(String text, ManifestVariables variables) {
        Set<String> undefined = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String name = m.group(2);
            String replacement;
            if (!m.group(1).isEmpty()) {
                replacement = "${" + name + "}";
            } else {
                replacement = variables.value(name).orElse(null);
                if (replacement == null) {
                    undefined.add(name);
                    replacement = m.group();
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return new Result(out.toString(), undefined);
    }

    /** Every placeholder name in {@code text}, escaped ones left out. */
    static Set<String> all(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (m.group(1).isEmpty()) {
                found.add(m.group(2));
            }
        }
        return found;
    }

    /** The placeholder names in {@code text} that are in {@code names}. */
    static Set<String> mentioned(String text, Set<String> names) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (m.group(1).isEmpty() && names.contains(m.group(2))) {
                found.add(m.group(2));
            }
        }
        return found;
    }
}
