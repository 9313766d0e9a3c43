package org.casepulse.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.casepulse.http.auth.AreaScope;
import org.casepulse.reference.Area;
import org.casepulse.reference.ReferenceData;
import org.casepulse.scorecard.report.BoardReportHtml;
import org.casepulse.scorecard.report.KpiBoard;
import org.casepulse.scorecard.report.KpiBoardHtml;

/**
 * {@code /kpi-board?area=NATIONAL&month=2026-03}: seed 000's KPI board (the entries labelled KPI 1
 * to KPI 7) with every service area's value, best performer and hotspots. The board report's
 * style sheet is its only inline content, allowed by its hash; no script.
 */
final class KpiBoardPage {
    static final String PATH = "/kpi-board";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src " + BoardReportHtml.styleHash()
            + "; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final PublishedFigures view;
    private final ReferenceData reference;
    private final Function<Context, AreaScope> scope;
    private final BiConsumer<AreaScope, String> checkArea;

    KpiBoardPage(PublishedFigures view, ReferenceData reference, Function<Context, AreaScope> scope,
                 BiConsumer<AreaScope, String> checkArea) {
        this.view = view;
        this.reference = reference;
        this.scope = scope;
        this.checkArea = checkArea;
    }

    void register(RoutesConfig routes) {
        routes.get(PATH, this::render);
        routes.head(PATH, this::render);
    }

    private void render(Context ctx) {
        CommentaryParameters parameters = new CommentaryParameters(ctx.queryParamMap(), reference);
        Area area = parameters.reportArea();
        YearMonth month = parameters.reportMonth();
        AreaScope areaScope = scope.apply(ctx);
        checkArea.accept(areaScope, area.code());
        KpiBoard board = KpiBoard.of(view.figures(), reference.catalogue(), reference.areas(), area, month,
                areaScope::permits);
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8").result(KpiBoardHtml.render(board));
    }
}
