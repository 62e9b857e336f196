package org.placementtracker.security;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import org.postgresql.PGConnection;

/**
 * Puts every connection a partner's request takes from the pool into the partner's scope: the
 * role placement_partner, to which PostgreSQL's row-level security policies apply (see
 * V11__partner_scope_row_security.sql), and the firm in pt.partner_firm. Taken back to the pool,
 * the connection returns to the service's own role. Staff requests pay nothing.
 */
@ApplicationScoped
public class PartnerConnections implements AgroalPoolInterceptor {

    private final Set<Object> scoped = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    @Override
    public void onConnectionAcquire(Connection connection) {
        UUID firm = PartnerScope.currentFirm();
        if (firm == null) {
            return;
        }
        try (PreparedStatement scope = connection.prepareStatement(
                "select set_config('role', 'placement_partner', false), set_config('pt.partner_firm', ?, false)")) {
            scope.setString(1, firm.toString());
            scope.execute();
            scoped.add(physical(connection));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot scope a connection to the partner's firm", e);
        }
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        if (!scoped.remove(physical(connection))) {
            return;
        }
        try (Statement reset = connection.createStatement()) {
            reset.execute("select set_config('role', 'none', false), set_config('pt.partner_firm', '', false)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take a connection out of a partner's scope", e);
        }
    }

    /** The pool hands out a new wrapper each time; the connection to PostgreSQL underneath is the same. */
    private static Object physical(Connection connection) {
        try {
            return connection.unwrap(PGConnection.class);
        } catch (SQLException e) {
            throw new IllegalStateException("not a PostgreSQL connection", e);
        }
    }
}
