package com.xpowerbanq.batch.status;

import com.xpowerbanq.batch.schedule.ScheduleDaemon;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /status} on the management port: the daemon's status as a page for people. */
@RestController
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(ScheduleDaemon.SERVE)
class StatusPage {
    private final StatusService status;

    StatusPage(StatusService status) {
        this.status = status;
    }

    @GetMapping(value = "/status", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String page() {
        return StatusHtml.render(status.snapshot());
    }
}
