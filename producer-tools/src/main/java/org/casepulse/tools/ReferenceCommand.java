package org.casepulse.tools;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.casepulse.tools.scorecard.TextTable;
import java.util.stream.Collectors;
import org.casepulse.calendar.WorkingDayCalendar;
import org.casepulse.indicators.IndicatorCatalogue;
import org.casepulse.indicators.IndicatorDefinition;
import org.casepulse.indicators.MeasureParameters;
import org.casepulse.indicators.Target;
import org.casepulse.reference.Area;
import org.casepulse.reference.AreaHierarchy;
import org.casepulse.reference.Benchmark;
import org.casepulse.reference.Benchmarks;
import org.casepulse.reference.ReferenceData;
import org.casepulse.snapshots.AreaLevel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "reference", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Check and print the area hierarchy, indicator catalogue, calendar and benchmarks.",
        description = {"Loads the reference data the streams application uses (the area hierarchy with its "
                + "populations, the indicator catalogue, the working-day calendar and the benchmarks), checks it with "
                + "the application's own code, and prints it. A mistake in a file is reported as file:line: field: "
                + "problem (a benchmark for an indicator the catalogue lacks names the nearest id it has)."},
        footer = {"", "Examples:",
            "  reference",
            "  reference --catalogue my-catalogue.yaml --areas my-areas.yaml --only catalogue",
            "  reference --benchmarks my-benchmarks.yaml --only benchmarks"})
final class ReferenceCommand implements Callable<Integer> {
    /** The parts that can be printed alone. */
    enum Part { AREAS, CATALOGUE, CALENDAR, BENCHMARKS }

    @ParentCommand
    CasepulseTools root;

    @Mixin
    ReferenceFiles files;

    @Option(names = "--only", paramLabel = "PART", split = ",",
            description = "Print only these parts: ${COMPLETION-CANDIDATES} (default: all; every file is checked anyway).")
    Set<Part> only;

    @Override
    public Integer call() {
        ReferenceData data = files.load();
        PrintWriter out = root.context().out();
        Set<Part> parts = only == null || only.isEmpty() ? EnumSet.allOf(Part.class) : only;
        List<String> sections = new ArrayList<>();
        if (parts.contains(Part.AREAS)) {
            sections.add(areas(data.areas()));
        }
        if (parts.contains(Part.CATALOGUE)) {
            sections.add(catalogue(data.catalogue()));
        }
        if (parts.contains(Part.CALENDAR)) {
            sections.add(calendar(data.calendar(), files.areaAndCalendar.bankHolidays == null ? "the shipped list"
                    : files.areaAndCalendar.bankHolidays + " (" + files.areaAndCalendar.mode().name().toLowerCase(Locale.ROOT) + ")"));
        }
        if (parts.contains(Part.BENCHMARKS)) {
            sections.add(benchmarks(data.benchmarks(), files.benchmarks == null ? "the shipped samples"
                    : files.benchmarks.toString()));
        }
        out.print(String.join("\n", sections));
        out.flush();
        return 0;
    }

    static String areas(AreaHierarchy hierarchy) {
        StringBuilder text = new StringBuilder();
        List<String> counts = new ArrayList<>();
        for (AreaLevel level : List.of(AreaLevel.NATIONAL, AreaLevel.REGION, AreaLevel.SERVICE_AREA, AreaLevel.TEAM)) {
            long n = hierarchy.all().stream().filter(a -> a.level() == level).count();
            if (n > 0) {
                String noun = level.name().toLowerCase(Locale.ROOT).replace('_', ' ');
                counts.add(n + " " + (n == 1 ? noun : level == AreaLevel.NATIONAL ? noun : noun + "s"));
            }
        }
        String levels = String.join(", ", counts);
        text.append(String.format(Locale.UK, "Area hierarchy %s: %d areas (%s), %,d children under 18\n",
                hierarchy.version(), hierarchy.all().size(), levels, hierarchy.national().population()));
        int codeWidth = 0;
        int nameWidth = 0;
        for (Area area : hierarchy.all()) {
            codeWidth = Math.max(codeWidth, 2 * depth(hierarchy, area) + area.code().length());
            nameWidth = Math.max(nameWidth, area.name().length());
        }
        for (Area area : hierarchy.all()) {
            String code = "  ".repeat(depth(hierarchy, area)) + area.code();
            text.append(String.format(Locale.UK, "  %-" + codeWidth + "s  %-" + nameWidth + "s  %,12d\n",
                    code, area.name(), area.population()));
        }
        return text.toString();
    }

    static String catalogue(IndicatorCatalogue catalogue) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "MEASURE", "POL", "UNIT", "TARGET", "TOL", "PERIODS", "TITLE"});
        for (IndicatorDefinition indicator : catalogue.indicators()) {
            rows.add(new String[] {
                indicator.id(),
                indicator.measure().yamlName() + parameters(indicator.parameters())
                        + indicator.caseType().map(type -> " caseType=" + type).orElse(""),
                indicator.polarity().name(),
                indicator.unit().name(),
                target(indicator.target()),
                indicator.target() == null ? "-" : plain(indicator.tolerance()),
                indicator.periods().stream().map(Enum::name).collect(Collectors.joining(",")),
                indicator.title()});
        }
        return "Indicator catalogue " + catalogue.version() + ": " + catalogue.indicators().size() + " indicators"
                + "\n" + TextTable.render(rows);
    }

    static String calendar(WorkingDayCalendar calendar, String source) {
        StringBuilder text = new StringBuilder(String.format(Locale.UK,
                "Working-day calendar: England and Wales, %s to %s, from %s\n",
                calendar.firstCoveredDate(), calendar.lastCoveredDate(), source));
        for (int year = calendar.firstCoveredDate().getYear(); year <= calendar.lastCoveredDate().getYear(); year++) {
            int working = 0;
            int holidays = 0;
            for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
                if (calendar.isWorkingDay(day)) {
                    working++;
                } else if (day.getDayOfWeek().compareTo(DayOfWeek.SATURDAY) < 0) {
                    holidays++;
                }
            }
            text.append(String.format(Locale.UK, "  %d: %d working days, %d bank holidays on weekdays\n",
                    year, working, holidays));
        }
        return text.toString();
    }

    /** What the benchmarks file holds: its indicators, the years and which kinds of benchmark each year gives. */
    static String benchmarks(Benchmarks benchmarks, String source) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"INDICATOR", "YEAR", "ENGLAND", "REGION", "NEIGHBOURS"});
        TreeSet<Integer> years = new TreeSet<>();
        int[] kinds = new int[3];
        for (String id : new TreeSet<>(benchmarks.indicatorIds())) {
            for (Benchmark benchmark : benchmarks.years(id).values()) {
                rows.add(new String[] {id, benchmark.year(), count(kinds, 0, benchmark.england()),
                    count(kinds, 1, benchmark.region()), count(kinds, 2, benchmark.neighbours())});
            }
            years.addAll(benchmarks.years(id).keySet());
        }
        int indicators = benchmarks.indicatorIds().size();
        String heading = "Benchmarks " + benchmarks.version() + " from " + source + ": " + indicators
                + (indicators == 1 ? " indicator" : " indicators");
        if (years.isEmpty()) {
            return heading + "\n";
        }
        heading += ", " + (years.size() == 1 ? "year " + Target.yearName(years.first())
                : years.size() + " years from " + Target.yearName(years.first()) + " to " + Target.yearName(years.last()))
                + "; values for England " + kinds[0] + ", region " + kinds[1] + ", statistical neighbours " + kinds[2];
        return heading + "\n" + TextTable.render(rows);
    }

    private static String count(int[] kinds, int kind, BigDecimal value) {
        if (value == null) {
            return "-";
        }
        kinds[kind]++;
        return plain(value);
    }

    private static int depth(AreaHierarchy hierarchy, Area area) {
        return hierarchy.lineage(area.code()).size() - 1;
    }

    private static String parameters(MeasureParameters p) {
        List<String> set = new ArrayList<>();
        if (p.withinWorkingDays() != null) {
            set.add("within " + p.withinWorkingDays() + "wd");
        }
        if (p.intervalWorkingDays() != null) {
            set.add("every " + p.intervalWorkingDays() + "wd");
        }
        if (p.overWorkingDays() != null) {
            set.add("over " + p.overWorkingDays() + "wd");
        }
        if (p.anchor() != null) {
            set.add("from " + p.anchor().yamlName());
        }
        if (p.lookback() != null) {
            set.add("lookback " + p.lookback());
        }
        if (p.minimumDuration() != null) {
            set.add("at least " + duration(p.minimumDuration()));
        }
        return set.isEmpty() ? "" : "(" + String.join(", ", set) + ")";
    }

    /** {@code 2 years}, {@code 18 months}, {@code 1 year 6 months}. */
    private static String duration(Period period) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(period.getYears() + (period.getYears() == 1 ? " year" : " years"));
        }
        if (period.getMonths() != 0) {
            parts.add(period.getMonths() + (period.getMonths() == 1 ? " month" : " months"));
        }
        if (period.getDays() != 0 || parts.isEmpty()) {
            parts.add(period.getDays() + (period.getDays() == 1 ? " day" : " days"));
        }
        return String.join(" ", parts);
    }

    private static String target(Target target) {
        if (target == null) {
            return "-";
        }
        if (!target.isPhased()) {
            return plain(target.q1());
        }
        return "Q1 " + plain(target.q1()) + "/Q2 " + plain(target.q2()) + "/Q3 " + plain(target.q3())
                + "/Q4 " + plain(target.q4());
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }
}
