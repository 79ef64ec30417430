package com.xpowerbanq.batch.status;

import com.xpowerbanq.batch.status.StatusSnapshot.ExecutionStatus;
import com.xpowerbanq.batch.status.StatusSnapshot.ScheduleStatus;
import com.xpowerbanq.batch.status.StatusSnapshot.SeriesStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * The status page as HTML: plain tables that scroll sideways on a phone, no script; the page asks
 * the browser to load it again every {@link #REFRESH_SECONDS} seconds.
 */
final class StatusHtml {
    static final int REFRESH_SECONDS = 30;
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String STYLE =
            """
            body{font-family:system-ui,sans-serif;margin:0.5rem;color:#222}
            h1{font-size:1.2rem}h2{font-size:1.05rem;margin-top:1.2rem}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;font-size:0.85rem;white-space:nowrap}
            th,td{border-bottom:1px solid #ddd;padding:0.2rem 0.5rem;text-align:left}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            .bad{color:#b00020;font-weight:bold}.none{color:#888}
            """;

    private final StringBuilder out = new StringBuilder();
    private final Instant now;

    private StatusHtml(Instant now) {
        this.now = now;
    }

    static String render(StatusSnapshot snapshot) {
        return new StatusHtml(snapshot.taken()).page(snapshot).out.toString();
    }

    private StatusHtml page(StatusSnapshot s) {
        out.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"refresh\" content=\"")
                .append(REFRESH_SECONDS)
                .append("\"><title>banq-batch status</title><style>")
                .append(STYLE)
                .append("</style></head><body><h1>banq-batch · contract run ")
                .append(text(s.run()))
                .append("</h1><p>");
        if (s.headBlock() != null) {
            out.append("chain head: block ")
                    .append(s.headBlock())
                    .append(" at ")
                    .append(time(s.headTime()));
        } else {
            out.append("<span class=\"bad\">chain head unknown: no endpoint answers</span>");
        }
        out.append(" · as of ").append(time(s.taken())).append(" UTC</p>");
        series(s);
        schedules(s);
        executions(s);
        out.append("</body></html>\n");
        return this;
    }

    private void series(StatusSnapshot s) {
        out.append("<h2>Series</h2><div class=\"scroll\"><table id=\"series\"><thead><tr>")
                .append(
                        "<th>run</th><th>series</th><th>API name</th><th>last block</th>"
                                + "<th>lag (blocks)</th><th>lag</th><th>rows</th>"
                                + "<th>last event (UTC)</th><th>last keeper tx</th>"
                                + "<th>outcome</th>")
                .append("</tr></thead><tbody>");
        for (SeriesStatus r : s.series()) {
            out.append("<tr data-series=\"").append(text(r.series())).append("\">");
            cell(r.run());
            cell(r.series());
            cell(r.api());
            if (r.problem() != null) {
                out.append("<td colspan=\"5\" class=\"bad\">")
                        .append(text(r.problem()))
                        .append("</td>");
            } else if (!r.database()) {
                out.append("<td colspan=\"5\" class=\"none\">no database yet</td>");
            } else {
                number(r.lastBlock());
                number(r.lagBlocks());
                cell(r.lagSeconds() == null ? null : age(Duration.ofSeconds(r.lagSeconds())));
                number(r.rows());
                cell(time(r.lastEventTime()));
            }
            if (r.keeper() == null) {
                out.append("<td class=\"none\">-</td><td class=\"none\">-</td>");
            } else {
                cell(r.keeper().tx() == null ? "-" : r.keeper().tx());
                String outcome =
                        r.keeper().job()
                                + " #"
                                + r.keeper().execution()
                                + " "
                                + r.keeper().outcome();
                out.append(r.keeper().outcome().equals("FAILED") ? "<td class=\"bad\">" : "<td>")
                        .append(text(outcome))
                        .append("</td>");
            }
            out.append("</tr>");
        }
        out.append("</tbody></table></div>");
    }

    private void schedules(StatusSnapshot s) {
        out.append("<h2>Schedules</h2><div class=\"scroll\"><table id=\"schedules\"><thead><tr>")
                .append(
                        "<th>schedule</th><th>cron</th><th>next fire (UTC)</th>"
                                + "<th>last fire (UTC)</th><th>last success (UTC)</th>")
                .append("</tr></thead><tbody>");
        for (ScheduleStatus r : s.schedules()) {
            out.append("<tr>");
            cell(r.schedule());
            cell(r.enabled() ? r.cron() : "disabled");
            cell(time(r.nextFire()));
            cell(time(r.lastFire()));
            cell(time(r.lastSuccess()));
            out.append("</tr>");
        }
        out.append("</tbody></table></div>");
    }

    private void executions(StatusSnapshot s) {
        out.append("<h2>Job executions, last 24 h</h2>");
        if (s.executions().isEmpty()) {
            out.append("<p class=\"none\">none</p>");
            return;
        }
        // a cluster of hosts records who ran each execution; one host leaves the column out
        boolean hosts = s.executions().stream().anyMatch(r -> r.host() != null);
        out.append("<div class=\"scroll\"><table id=\"executions\"><thead><tr>")
                .append(
                        "<th>execution</th><th>job</th><th>status</th><th>exit</th>"
                                + "<th>started (UTC)</th><th>took</th><th>series</th>"
                                + "<th>failed</th>")
                .append(hosts ? "<th>host</th>" : "")
                .append("</tr></thead><tbody>");
        for (ExecutionStatus r : s.executions()) {
            out.append("<tr>");
            number(r.id());
            cell(r.job());
            out.append(r.status().equals("FAILED") ? "<td class=\"bad\">" : "<td>")
                    .append(text(r.status()))
                    .append("</td>");
            cell(r.exitCode());
            cell(time(r.start()));
            cell(
                    r.start() == null
                            ? null
                            : age(Duration.between(r.start(), r.end() == null ? now : r.end())));
            number((long) r.series());
            number((long) r.failedSeries());
            if (hosts) {
                cell(r.host());
            }
            out.append("</tr>");
        }
        out.append("</tbody></table></div>");
    }

    private void cell(@Nullable String value) {
        out.append("<td>").append(value == null ? "-" : text(value)).append("</td>");
    }

    private void number(@Nullable Long value) {
        out.append("<td class=\"n\">").append(value == null ? "-" : value).append("</td>");
    }

    private static String text(String value) {
        return HtmlUtils.htmlEscape(value);
    }

    private static @Nullable String time(@Nullable Instant time) {
        return time == null ? null : UTC.format(time);
    }

    private static String age(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return s / 60 + " min";
        }
        return s < 172800 ? s / 3600 + " h" : s / 86400 + " d";
    }
}
