package org.casepulse.reference;

import java.math.BigDecimal;

/**
 * Comparators published for an indicator and financial year (seeds 002, 004): England's value,
 * the region's and the statistical neighbours' average; any may be null (not published).
 *
 * @param year the financial year's name, such as {@code 2008/09}
 */
public record Benchmark(String year, BigDecimal england, BigDecimal region, BigDecimal neighbours) {}
