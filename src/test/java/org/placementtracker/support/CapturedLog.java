package org.placementtracker.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything the service logs while it is open, as the text a log file would hold: each record's
 * formatted message, parameters and the whole chain of its exception, messages and stack traces.
 */
public final class CapturedLog extends Handler implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final Logger root = Logger.getLogger("");

    private CapturedLog() {
        setLevel(Level.ALL);
    }

    public static CapturedLog start() {
        CapturedLog log = new CapturedLog();
        log.root.addHandler(log);
        return log;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        StringBuilder line =
                new StringBuilder(record.getLevel() + " " + record.getLoggerName() + " " + record.getMessage());
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                line.append(' ').append(parameter);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    public synchronized String text() {
        return String.join("\n", lines);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
