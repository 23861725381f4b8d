package io.jenkins.plugins.branchdeploy.engine.naming;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/** Turns free text into the readable part of a DNS label: lower-case ASCII letters, digits and single hyphens. */
final class Slugs {

    private Slugs() {}

    /**
     * Lower-cases, folds accents ({@code é} to {@code e}), replaces every run of other characters by
     * one hyphen and trims hyphens at both ends. May return an empty string.
     */
    static String readable(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        boolean pendingHyphen = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pendingHyphen && out.length() > 0) {
                    out.append('-');
                }
                pendingHyphen = false;
                out.append(c);
            } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
                pendingHyphen = true;
            }
        }
        return out.toString();
    }

    /** Cuts {@code slug} to at most {@code max} characters without leaving a trailing hyphen. */
    static String truncate(String slug, int max) {
        if (slug.length() <= max) {
            return slug;
        }
        String cut = slug.substring(0, Math.max(0, max));
        while (cut.endsWith("-")) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut;
    }

    /** Whether the text is valid Unicode: no half of a UTF-16 surrogate pair on its own. */
    static boolean isWellFormed(String text) {
        return StandardCharsets.UTF_8.newEncoder().canEncode(text);
    }

    /** Whether the text holds at least one letter or digit, in any script. */
    static boolean hasLetterOrDigit(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
