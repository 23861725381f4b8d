package io.jenkins.plugins.branchdeploy.engine.naming;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.branchdeploy.engine.InvalidInputException;
import io.jenkins.plugins.branchdeploy.engine.branch.BranchRef;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Generates branch names the way real and hostile repositories have them: slashes, dots,
 * underscores, upper case, unicode and emoji, whitespace, leading and trailing punctuation, names up
 * to 300 characters, and near-twins that differ only in case or punctuation.
 */
final class HostileBranchNames {

    private static final String[] WORDS = {
        "feature", "fix", "auth", "login", "release", "hotfix", "main", "dependabot", "npm", "pr", "kube",
        "default", "xn", "v2", "1.2.3", "JIRA-1234", "über", "café", "日本語", "функция", "🚀", "a", "qa"
    };
    private static final String PUNCTUATION = "/-_.. @#~^:?*[]\\'\"";
    private static final String ANY = "abcXYZ019/-_.ÄéßİıΣ中🚀 \t";

    private final Random random;
    private String previous = "seed";

    /**
     * Names {@code count} generated branches of app {@code yourapp} with the default policy and hands
     * each named one to {@code check}. A refused branch must have no letter or digit or a broken
     * character; most must be named.
     */
    static void nameEach(int count, long seed, BiConsumer<String, EnvironmentNames> check) {
        NamingPolicy policy = NamingPolicy.withDefaults("example.dev");
        HostileBranchNames generator = new HostileBranchNames(new Random(seed));
        int named = 0;
        for (int i = 0; i < count; i++) {
            String branch = generator.next();
            EnvironmentNames names;
            try {
                names = policy.names(BranchRef.of("yourapp", branch));
            } catch (InvalidInputException e) {
                assertThat(Slugs.hasLetterOrDigit(branch) && Slugs.isWellFormed(branch))
                        .as("refused only without letters or digits or with a broken character: %s", branch).isFalse();
                continue;
            }
            named++;
            check.accept(branch, names);
        }
        assertThat(named).as("the generator mostly makes nameable branches").isGreaterThan(count * 9 / 10);
    }

    HostileBranchNames(Random random) {
        this.random = random;
    }

    String next() {
        String name = switch (random.nextInt(6)) {
            case 0 -> words();
            case 1 -> twinOf(previous);
            case 2 -> randomChars(1 + random.nextInt(300));
            case 3 -> words() + "/" + randomChars(1 + random.nextInt(60));
            case 4 -> punctuation() + words() + punctuation();
            default -> words().repeat(1 + random.nextInt(20));
        };
        previous = name;
        return name;
    }

    private String words() {
        StringBuilder out = new StringBuilder(WORDS[random.nextInt(WORDS.length)]);
        int more = random.nextInt(4);
        for (int i = 0; i < more; i++) {
            out.append(PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length())));
            out.append(WORDS[random.nextInt(WORDS.length)]);
            if (random.nextBoolean()) {
                out.append(random.nextInt(1000));
            }
        }
        return out.toString();
    }

    /** The same name with one character's case or punctuation changed. */
    private String twinOf(String name) {
        if (name.isEmpty()) {
            return "-";
        }
        int at = random.nextInt(name.length());
        char c = name.charAt(at);
        char twin = Character.isUpperCase(c) ? Character.toLowerCase(c)
                : Character.isLowerCase(c) ? Character.toUpperCase(c)
                : PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()));
        return name.substring(0, at) + twin + name.substring(at + 1);
    }

    private String punctuation() {
        return randomFrom(PUNCTUATION, random.nextInt(4));
    }

    private String randomChars(int length) {
        return randomFrom(ANY, length);
    }

    private String randomFrom(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        int[] codePoints = alphabet.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        return out.toString();
    }
}
