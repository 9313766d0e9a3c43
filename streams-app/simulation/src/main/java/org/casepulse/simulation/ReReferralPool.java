package org.casepulse.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The children referred in one area, by referral date, from which re-referrals are drawn: recent
 * ones (referred within the last 12 months) and older ones (referred before).
 */
final class ReReferralPool {
    private static final int ATTEMPTS = 6;

    private final List<Child> recent = new ArrayList<>();
    private int[] recentDays = new int[256];
    private int head;
    private final List<Child> older = new ArrayList<>();

    void add(Child child, int day) {
        if (recent.size() == recentDays.length) {
            recentDays = Arrays.copyOf(recentDays, recentDays.length * 2);
        }
        recentDays[recent.size()] = day;
        recent.add(child);
    }

    /** Moves the referrals dated before {@code cutoffDay} to the older ones. */
    void age(int cutoffDay) {
        while (head < recent.size() && recentDays[head] < cutoffDay) {
            older.add(recent.get(head));
            recent.set(head, null);
            head++;
        }
        if (head > 4096 && head > recent.size() / 2) {
            int kept = recent.size() - head;
            System.arraycopy(recentDays, head, recentDays, 0, kept);
            List<Child> tail = new ArrayList<>(recent.subList(head, recent.size()));
            recent.clear();
            recent.addAll(tail);
            head = 0;
        }
    }

    /** A child referred within the window before {@code today}, without an open case; null if none found. */
    Child pickRecent(SplittableRandom random, int today) {
        int size = recent.size() - head;
        for (int attempt = 0; attempt < ATTEMPTS && size > 0; attempt++) {
            int index = head + random.nextInt(size);
            Child child = recent.get(index);
            if (!child.openCase && recentDays[index] < today) {
                return child;
            }
        }
        return null;
    }

    /** A child whose last referral was before {@code cutoffDay}, without an open case; null if none found. */
    Child pickOlder(SplittableRandom random, int cutoffDay) {
        for (int attempt = 0; attempt < ATTEMPTS && !older.isEmpty(); attempt++) {
            Child child = older.get(random.nextInt(older.size()));
            if (!child.openCase && child.lastReferralDay < cutoffDay) {
                return child;
            }
        }
        return null;
    }
}
