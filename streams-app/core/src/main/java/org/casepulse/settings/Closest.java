package org.casepulse.settings;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** The known name nearest to a mistyped one (by edit distance, or the one it starts), when it is near enough to be a typo. */
public final class Closest {
    private Closest() {
    }

    public static Optional<String> to(String unknown, Collection<String> known) {
        String wanted = unknown.toLowerCase(Locale.ROOT);
        // A name cut short is nearer to the name it starts than any edit distance says.
        Optional<String> completed = known.stream().filter(name -> name.toLowerCase(Locale.ROOT).startsWith(wanted))
                .min(java.util.Comparator.comparingInt(String::length));
        if (completed.isPresent()) {
            return completed;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(wanted, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // Beyond a third of the name it is another word, not a typo of this one.
        return best != null && bestDistance <= Math.max(2, wanted.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
