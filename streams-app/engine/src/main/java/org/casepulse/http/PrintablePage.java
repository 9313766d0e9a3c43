package org.casepulse.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.casepulse.http.auth.AreaScope;
import org.casepulse.reference.Area;
import org.casepulse.reference.ReferenceData;
import org.casepulse.scorecard.report.BoardReport;
import org.casepulse.scorecard.report.BoardReportHtml;
import org.casepulse.scorecard.report.KpiBoard;
import org.casepulse.scorecard.report.KpiBoardHtml;

/**
 * A printable page of one area and month ({@code ?area=N6&month=2026-03}, area default NATIONAL):
 * the board report ({@code /report}, rendered by the same code as {@code casepulse-tools report})
 * and seed 000's KPI board ({@code /kpi-board}: the entries labelled KPI 1 to KPI 8 with every
 * service area's value, best performer and hotspots). Area scope applies. Their only inline content
 * is the report's own style sheet, which the Content-Security-Policy allows by its hash; no script.
 */
final class PrintablePage {
    static final String REPORT_PATH = "/report";
    static final String KPI_BOARD_PATH = "/kpi-board";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src " + BoardReportHtml.styleHash()
            + "; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** What the page shows of an area and month, to a user of the given scope. */
    @FunctionalInterface
    interface Renderer {
        String render(Area area, YearMonth month, AreaScope scope);
    }

    private final String path;
    private final ReferenceData reference;
    private final Function<Context, AreaScope> scope;
    private final BiConsumer<AreaScope, String> checkArea;
    private final Renderer renderer;

    private PrintablePage(String path, ReferenceData reference, Function<Context, AreaScope> scope,
                          BiConsumer<AreaScope, String> checkArea, Renderer renderer) {
        this.path = path;
        this.reference = reference;
        this.scope = scope;
        this.checkArea = checkArea;
        this.renderer = renderer;
    }

    /** The month's board report, with the commentary typed through the API. */
    static PrintablePage boardReport(PublishedFigures view, CommentaryStore commentary, ReferenceData reference,
                                     Function<Context, AreaScope> scope, BiConsumer<AreaScope, String> checkArea) {
        return new PrintablePage(REPORT_PATH, reference, scope, checkArea, (area, month, areaScope) -> {
            String progress = view.progress().describe();
            if (!commentary.isCaughtUp()) {
                progress += "; commentary still loading";
            }
            return BoardReportHtml.render(BoardReport.of(view.figures(), commentary.book(), reference.catalogue(),
                    reference.areas(), area, month, progress, areaScope::permits));
        });
    }

    /** Seed 000's KPI board. */
    static PrintablePage kpiBoard(PublishedFigures view, ReferenceData reference, Function<Context, AreaScope> scope,
                                  BiConsumer<AreaScope, String> checkArea) {
        return new PrintablePage(KPI_BOARD_PATH, reference, scope, checkArea, (area, month, areaScope) ->
                KpiBoardHtml.render(KpiBoard.of(view.figures(), reference.catalogue(), reference.areas(), area, month,
                        areaScope::permits)));
    }

    void register(RoutesConfig routes) {
        routes.get(path, this::render);
        routes.head(path, this::render);
    }

    private void render(Context ctx) {
        CommentaryParameters parameters = new CommentaryParameters(ctx.queryParamMap(), reference);
        Area area = parameters.reportArea();
        YearMonth month = parameters.reportMonth();
        AreaScope areaScope = scope.apply(ctx);
        checkArea.accept(areaScope, area.code());
        String html = renderer.render(area, month, areaScope);
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8").result(html);
    }
}
