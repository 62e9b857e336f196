package org.placementtracker.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * The PostgreSQL driver, keeping count of the statements the service executes: every call that
 * runs SQL on the server ({@code execute...}), whether Hibernate or plain JDBC code made it. A
 * JDBC batch counts once, as it goes to the server in one exchange. The latest statements are
 * kept with their parameters, so a test can ask PostgreSQL how it ran one of them. The test
 * profile makes this the datasource's driver; a test reads {@link #count()} before and after a
 * request to see what the request cost (tests send one request at a time, and the service runs
 * no statements of its own in between).
 */
public class StatementLog implements Driver {

    /** A statement as it was executed: its SQL and the calls that bound its parameters. */
    public record Executed(long number, String sql, List<Binding> bindings) {

        /** Prepares {@code prefix + sql} on another connection and binds the same parameters. */
        public PreparedStatement prepare(Connection connection, String prefix) throws Exception {
            PreparedStatement statement = connection.prepareStatement(prefix + sql);
            for (Binding binding : bindings) {
                binding.setter().invoke(statement, binding.arguments());
            }
            return statement;
        }
    }

    /** One {@code setXxx(index, value...)} call on a prepared statement. */
    public record Binding(Method setter, Object[] arguments) {}

    private static final int KEPT = 500;
    private static final AtomicLong EXECUTED = new AtomicLong();
    private static final Deque<Executed> LATEST = new ConcurrentLinkedDeque<>();

    private final Driver postgres = new org.postgresql.Driver();

    /** Statements executed so far by every connection of the service. */
    public static long count() {
        return EXECUTED.get();
    }

    /** The statements executed after the count was {@code count}, oldest first (at most the latest 500). */
    public static List<Executed> since(long count) {
        return LATEST.stream().filter(e -> e.number() > count).toList();
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection connection = postgres.connect(url, info);
        return connection == null
                ? null
                : (Connection) proxy(Connection.class, connection, StatementLog::connectionCall);
    }

    /** Statements a connection hands out are logged; everything else passes through. */
    private static Object connectionCall(Object target, Method method, Object[] args) throws Throwable {
        Object result = invoke(target, method, args);
        if (result instanceof Statement statement && method.getReturnType().isInterface()) {
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
            Map<Integer, Binding> bindings = new TreeMap<>();
            return proxy(method.getReturnType(), statement, (t, m, a) -> statementCall(t, m, a, sql, bindings));
        }
        return result;
    }

    private static Object statementCall(
            Object target, Method method, Object[] args, String preparedSql, Map<Integer, Binding> bindings)
            throws Throwable {
        String name = method.getName();
        if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer) {
            bindings.put((Integer) args[0], new Binding(method, args.clone()));
        } else if (name.equals("clearParameters")) {
            bindings.clear();
        } else if (name.startsWith("execute")) {
            String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
            LATEST.addLast(new Executed(EXECUTED.incrementAndGet(), sql, List.copyOf(bindings.values())));
            while (LATEST.size() > KEPT) {
                LATEST.pollFirst();
            }
        }
        return invoke(target, method, args);
    }

    private interface Call {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    private static Object proxy(Class<?> type, Object target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "unwrap" -> ((Class<?>) args[0]).isInstance(proxy) ? proxy : call.handle(target, method, args);
            default -> call.handle(target, method, args);
        };
        return Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** Calls the real object, throwing what it threw (SQL states decide how errors are answered). */
    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return postgres.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return postgres.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return postgres.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return postgres.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return postgres.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return postgres.getParentLogger();
    }
}
