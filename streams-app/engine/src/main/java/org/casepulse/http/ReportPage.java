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

/**
 * {@code /report?area=N6&month=2026-03}: the month's board report as one printable page, rendered
 * by the same code as {@code casepulse-tools report}. Its only inline content is the report's own
 * style sheet, which the Content-Security-Policy allows by its hash; no script at all.
 */
final class ReportPage {
    static final String PATH = "/report";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src " + BoardReportHtml.styleHash()
            + "; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final PublishedFigures view;
    private final CommentaryStore commentary;
    private final ReferenceData reference;
    private final Function<Context, AreaScope> scope;
    private final BiConsumer<AreaScope, String> checkArea;

    ReportPage(PublishedFigures view, CommentaryStore commentary, ReferenceData reference,
               Function<Context, AreaScope> scope, BiConsumer<AreaScope, String> checkArea) {
        this.view = view;
        this.commentary = commentary;
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
        String progress = view.progress().describe();
        if (!commentary.isCaughtUp()) {
            progress += "; commentary still loading";
        }
        BoardReport report = BoardReport.of(view.figures(), commentary.book(), reference.catalogue(),
                reference.areas(), area, month, progress, areaScope::permits);
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/html; charset=utf-8").result(BoardReportHtml.render(report));
    }
}
