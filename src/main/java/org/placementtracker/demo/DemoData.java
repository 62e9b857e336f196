package org.placementtracker.demo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;
import org.placementtracker.placement.PlacementService;

/**
 * The demo data switch ({@code pt.demo-data.enabled}, or {@code DEMO_DATA=true}): at startup it
 * loads a data set modelled on a real vocational school, its partner firms and its placements
 * since 2014, so that a first look at the API shows something. It loads at most once per database
 * and only into an empty one, because demo rows mixed into real records could never be told apart.
 */
@ApplicationScoped
public class DemoData {

    public enum Result {
        LOADED,
        ALREADY_LOADED,
        DATABASE_NOT_EMPTY
    }

    /** Where demo data may go. */
    public enum Target {
        /** Only a database that holds no students and no firms yet: what the switch does. */
        EMPTY_DATABASE,
        /** Alongside whatever the database holds: for tests, which share one database. */
        ANY_DATABASE
    }

    /** Rows inserted per table. Majors already present are kept, so that count can be lower. */
    public record Counts(
            int majors, int firms, int students, int orderClasses, int members, int rotations, int placements) {

        @Override
        public String toString() {
            return String.format(
                    "%,d majors, %,d firms, %,d students, %,d order classes with %,d members, "
                            + "%,d rotations, %,d placements",
                    majors, firms, students, orderClasses, members, rotations, placements);
        }
    }

    /** What a load did, and the day its data was generated for; {@code counts} is null unless it loaded. */
    public record Outcome(Result result, LocalDate asOf, Counts counts, Duration elapsed) {

        Outcome took(Duration time) {
            return new Outcome(result, asOf, counts, time);
        }
    }

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    // Any number works, as long as every instance of the service uses the same one.
    private static final long LOCK_KEY = 0x5054_4445_4D4FL;
    // Generous: a slow disk must not roll back a load that takes a few seconds on a laptop.
    private static final int TIMEOUT_SECONDS = 600;

    private final AgroalDataSource dataSource;
    private final boolean enabled;
    private final PlacementService placements;

    DemoData(AgroalDataSource dataSource, DemoSettings settings, PlacementService placements) {
        boolean enabled = settings.enabled();
        this.dataSource = dataSource;
        this.enabled = enabled;
        this.placements = placements;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        load(Target.EMPTY_DATABASE);
    }

    /**
     * Loads the demo data unless this database already has it (or, for {@link Target#EMPTY_DATABASE},
     * holds other records). Instances starting together queue on a database lock, so one loads and
     * the others find it loaded.
     */
    public Outcome load(Target target) {
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Outcome outcome = QuarkusTransaction.requiringNew()
                .timeout(TIMEOUT_SECONDS)
                .call(() -> loadInTransaction(target, today))
                .took(Duration.ofNanos(System.nanoTime() - started));
        log(outcome);
        return outcome;
    }

    private Outcome loadInTransaction(Target target, LocalDate today) {
        try (Connection connection = dataSource.getConnection()) {
            lock(connection);
            LocalDate loadedBefore = previousLoad(connection);
            if (loadedBefore != null) {
                return new Outcome(Result.ALREADY_LOADED, loadedBefore, null, null);
            }
            if (target == Target.EMPTY_DATABASE && holdsRecords(connection)) {
                return new Outcome(Result.DATABASE_NOT_EMPTY, today, null, null);
            }
            Counts counts = DemoDataWriter.write(connection, DemoDataSet.generate(today));
            // The same transaction, so the rules read the rows just written.
            placements.checkAgain(DemoDataWriter.breakSomeRules(connection));
            recordLoad(connection, today, counts);
            return new Outcome(Result.LOADED, today, counts, null);
        } catch (SQLException e) {
            throw new IllegalStateException("Demo data could not be loaded: " + e.getMessage(), e);
        }
    }

    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
            statement.setLong(1, LOCK_KEY);
            statement.execute();
        }
    }

    /** The day of the earlier load, or null if there was none. */
    private static LocalDate previousLoad(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select as_of from demo_data_load")) {
            return rows.next() ? rows.getObject(1, LocalDate.class) : null;
        }
    }

    private static boolean holdsRecords(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select exists (select 1 from student) or exists (select 1 from firm)")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private static void recordLoad(Connection connection, LocalDate asOf, Counts counts) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("insert into demo_data_load (as_of, summary) values (?, ?)")) {
            statement.setDate(1, Date.valueOf(asOf));
            statement.setString(2, counts.toString());
            statement.executeUpdate();
        }
    }

    private static void log(Outcome outcome) {
        switch (outcome.result()) {
            case LOADED ->
                LOG.infof(
                        "Demo data loaded in %.1f s (as of %s): %s; it will not be loaded into "
                                + "this database again",
                        outcome.elapsed().toMillis() / 1000.0, outcome.asOf(), outcome.counts());
            case DATABASE_NOT_EMPTY ->
                LOG.warn("Demo data not loaded: the database already holds students or "
                        + "firms, and demo rows must not mix with real records. For the demo, start on an empty "
                        + "database (a new PT_DATA_DIR, or DB_URL pointing at an empty database).");
            case ALREADY_LOADED ->
                LOG.infof("Demo data not loaded: this database already has it (loaded on %s)", outcome.asOf());
        }
    }
}
