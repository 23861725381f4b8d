package io.jenkins.plugins.branchdeploy.engine.report;

/**
 * Shortens an image change to what moved: {@code registry/app:v1 -> v2} when only the tag or digest
 * differs, rather than two long references that differ in their last characters.
 */
final class ImageReference {

    private ImageReference() {}

    /** {@code before -> after}, or {@code repository:oldTag -> newTag} for two versions of one image. */
    static String change(String before, String after) {
        int beforeSplit = versionStart(before);
        int afterSplit = versionStart(after);
        if (beforeSplit > 0 && afterSplit > 0
                && before.substring(0, beforeSplit).equals(after.substring(0, afterSplit))) {
            return before + " -> " + after.substring(afterSplit + 1);
        }
        return before + " -> " + after;
    }

    /** Where the tag ({@code :}) or digest ({@code @}) starts, or -1; a registry port is not a tag. */
    private static int versionStart(String image) {
        int digest = image.indexOf('@');
        if (digest > 0) {
            return digest;
        }
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? colon : -1;
    }
}
