package com.xpowerbanq.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Answers a day window from one kind of series database, oldest day first, at most maxRows days.
 */
interface WindowQuery {

    List<DailyAverage> averages(Connection c, DayWindow window, int maxRows) throws SQLException;

    List<DailyOhlc> ohlc(Connection c, DayWindow window, int maxRows) throws SQLException;
}
