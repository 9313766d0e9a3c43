package org.casepulse.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;

/**
 * One lowest area as the simulation sees it: its demand and how well it performs. Each area gets
 * a quality between -1 (a hotspot) and 1 (the best), with a little variation per indicator; a
 * fifth of the areas are hotspots and a fifth are strong. Qualities are centred on the population,
 * so that the national figures stay at the calibrated levels whichever areas are weak.
 */
final class AreaProfile {
    final Area area;
    final String code;
    /** Referrals a working day across the hierarchy that fall here, before seasons and growth. */
    final double referralShare;
    final double growth;
    final double pReReferral;
    final double pAssessment;
    final double pAllocationWithin2;
    final double pAssessmentWithin45;
    final double pChildSeen;
    final double pVisitInTime;
    final double caseloadCap;
    /** SINGLE or INITIAL_CORE: how this area types its statutory assessments. */
    final AssessmentFramework framework;

    final List<AreaProfile> siblings = new ArrayList<>();
    final List<Worker> workers = new ArrayList<>();
    final ReReferralPool referrals = new ReReferralPool();

    private AreaProfile(Area area, double referralShare, double growth, double quality, double assessmentOffset,
                        AssessmentFramework framework, SplittableRandom random) {
        this.area = area;
        this.framework = framework;
        this.code = area.code();
        this.referralShare = referralShare;
        this.growth = growth;
        this.pReReferral = Calibration.RE_REFERRAL - Calibration.RE_REFERRAL_SPREAD * jitter(quality, random);
        this.pAssessment = Calibration.ASSESSMENT + Calibration.ASSESSMENT_SPREAD * assessmentOffset;
        this.pAllocationWithin2 = Calibration.ALLOCATION_WITHIN_2 + Calibration.ALLOCATION_SPREAD * jitter(quality, random);
        this.pAssessmentWithin45 = Calibration.ASSESSMENT_WITHIN_45
                + Calibration.ASSESSMENT_45_SPREAD * jitter(quality, random);
        this.pChildSeen = Calibration.CHILD_SEEN + Calibration.CHILD_SEEN_SPREAD * jitter(quality, random);
        this.pVisitInTime = Calibration.VISIT_IN_TIME + Calibration.VISIT_SPREAD * jitter(quality, random);
        this.caseloadCap = Calibration.CASELOAD_CAP - Calibration.CASELOAD_SPREAD * jitter(quality, random);
    }

    /**
     * Profiles of the selected lowest areas. Every lowest area of the hierarchy is drawn, in
     * hierarchy order, so an area behaves the same whichever others are selected.
     */
    static List<AreaProfile> build(AreaHierarchy hierarchy, List<Area> selected, double referralsPerWorkingDay,
                                   AssessmentFramework framework, SplittableRandom random) {
        List<Area> formerFramework = formerFrameworkAreas(hierarchy, framework);
        List<Area> lowest = hierarchy.lowest();
        int n = lowest.size();
        double totalPopulation = lowest.stream().mapToDouble(Area::population).sum();
        double[] quality = qualities(n, random);
        double[] demand = new double[n];
        double[] growth = new double[n];
        double[] assessmentOffset = new double[n];
        for (int i = 0; i < n; i++) {
            demand[i] = 1 + Calibration.DEMAND_SPREAD * (2 * random.nextDouble() - 1);
            growth[i] = Calibration.ANNUAL_GROWTH + Calibration.GROWTH_SPREAD * (2 * random.nextDouble() - 1);
            assessmentOffset[i] = clamp(random.nextGaussian() * 0.7, -1.5, 1.5);
        }
        centre(quality, lowest, totalPopulation);
        double weightedDemand = 0;
        for (int i = 0; i < n; i++) {
            weightedDemand += demand[i] * lowest.get(i).population() / totalPopulation;
        }
        List<AreaProfile> profiles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Area area = lowest.get(i);
            if (selected.contains(area)) {
                double share = referralsPerWorkingDay * area.population() / totalPopulation * demand[i] / weightedDemand;
                AssessmentFramework own = formerFramework.contains(area) ? AssessmentFramework.INITIAL_CORE
                        : AssessmentFramework.SINGLE;
                profiles.add(new AreaProfile(area, share, growth[i], quality[i], assessmentOffset[i], own,
                        new SplittableRandom(random.nextLong())));
            } else {
                random.nextLong(); // keeps the areas after this one as they would be with it selected
            }
        }
        for (AreaProfile profile : profiles) {
            for (AreaProfile other : profiles) {
                if (other != profile && Objects.equals(other.area.parentCode(), profile.area.parentCode())) {
                    profile.siblings.add(other);
                }
            }
        }
        return profiles;
    }

    /**
     * The lowest areas that work initial and core assessments: all, none, or (MIXED) those beneath
     * the national area's last child (the last region; itself, when the hierarchy has no regions).
     */
    static List<Area> formerFrameworkAreas(AreaHierarchy hierarchy, AssessmentFramework framework) {
        return switch (framework) {
            case SINGLE -> List.of();
            case INITIAL_CORE -> hierarchy.lowest();
            case MIXED -> {
                List<Area> regions = hierarchy.children(hierarchy.national().code());
                yield regions.isEmpty() ? List.of()
                        : AreaSelection.resolve(hierarchy, List.of(regions.get(regions.size() - 1).code()));
            }
        };
    }

    /** A fifth of the areas weak (-1 to -0.6), a fifth strong (0.6 to 1), the rest middling. */
    private static double[] qualities(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int tier = Math.max(1, Math.round(n / 5f));
        double[] quality = new double[n];
        for (int rank = 0; rank < n; rank++) {
            double u = random.nextDouble();
            quality[order[rank]] = rank < tier ? -1 + 0.4 * u
                    : rank >= n - tier ? 0.6 + 0.4 * u
                    : -0.3 + 0.6 * u;
        }
        return quality;
    }

    private static void centre(double[] quality, List<Area> lowest, double totalPopulation) {
        double mean = 0;
        for (int i = 0; i < quality.length; i++) {
            mean += quality[i] * lowest.get(i).population() / totalPopulation;
        }
        for (int i = 0; i < quality.length; i++) {
            quality[i] = clamp(quality[i] - mean, -1, 1);
        }
    }

    /** The area's quality seen by one indicator: mostly the area's, a little its own. */
    private static double jitter(double quality, SplittableRandom random) {
        return clamp(quality + 0.25 * random.nextGaussian(), -1, 1);
    }

    static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
