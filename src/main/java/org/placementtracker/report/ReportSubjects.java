package org.placementtracker.report;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import org.placementtracker.common.ProblemException;

/**
 * The firm, order class and major a report's filters name, looked up before anything is counted or
 * rendered. A filter naming nothing, or for a partner anything not at its firm, answers 404 exactly as
 * a missing id does, in every format: a report, its title and file name included, must never confirm
 * that an id exists nor show another firm's names. Majors are the national catalogue and no secret,
 * but an unknown code is 404 too, rather than a report of zeros that reads like an answer. Like the
 * counting, one plain JDBC statement outside any transaction.
 */
@ApplicationScoped
public class ReportSubjects {

    /**
     * Names for titles and file names. {@code firm} is the filtered firm, or for a partner without a
     * firm filter its own firm, which is what its reports cover; null where nothing is named.
     */
    record Names(String firm, String orderClass, String major) {}

    private static final String SQL = "select (select f.name from firm f where f.id = ?), "
            + "(select m.name from major m where m.code = ?), oc.name, oc.firm_id "
            + "from (select 1) one left join order_class oc on oc.id = ?";

    private final AgroalDataSource dataSource;

    public ReportSubjects(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    Names of(ReportFilter filter) {
        UUID scope = filter.scopeFirmId();
        if (scope != null && filter.firmId() != null && !scope.equals(filter.firmId())) {
            throw ProblemException.notFound("Firm", filter.firmId());
        }
        UUID firmId = filter.firmId() != null ? filter.firmId() : scope;
        if (firmId == null && filter.majorCode() == null && filter.orderClassId() == null) {
            return new Names(null, null, null);
        }
        PlacementCounts.Statement statement = new PlacementCounts.Statement(
                SQL, Arrays.<Object>asList(firmId, filter.majorCode(), filter.orderClassId()));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement prepared = statement.prepare(connection);
                ResultSet row = prepared.executeQuery()) {
            row.next();
            String firm = row.getString(1);
            String major = row.getString(2);
            String orderClass = row.getString(3);
            UUID orderClassFirm = row.getObject(4, UUID.class);
            if (filter.firmId() != null && firm == null) {
                throw ProblemException.notFound("Firm", filter.firmId());
            }
            if (filter.orderClassId() != null
                    && (orderClass == null || (scope != null && !scope.equals(orderClassFirm)))) {
                throw ProblemException.notFound("Order class", filter.orderClassId());
            }
            if (filter.majorCode() != null && major == null) {
                throw ProblemException.notFound("Major", filter.majorCode());
            }
            return new Names(firm, orderClass, major);
        } catch (SQLException e) {
            throw new IllegalStateException("looking up a report's filters failed", e);
        }
    }
}
