package org.placementtracker.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.placementtracker.common.CursorCodec;
import org.placementtracker.common.Listing;
import org.placementtracker.common.Page;
import org.placementtracker.common.PageRequest;
import org.placementtracker.common.ProblemException;
import org.placementtracker.common.RuleBreach;
import org.placementtracker.common.SortColumn;
import org.placementtracker.common.Sorts;

/**
 * Checks placements against the national internship rules as they are written, and keeps the list
 * of breaches in step. A rule in BLOCK mode refuses the write (422, nothing saved); in WARN mode the
 * placement is saved and shows the breach, and the breach list holds it until the data no longer
 * breaks the rule.
 *
 * <p>The counts the share rules need are taken under a transaction-scoped advisory lock per firm, so
 * two writers placing interns at one firm at the same moment (on any instance) count one after the
 * other and the second sees the first. Locks are taken after the students' row locks, as everywhere.
 * The counts run as plain JDBC: the placements this unit of work wrote but Hibernate has not flushed
 * are passed in ({@link Pending}) instead of flushing the session for every row of a batch.
 */
@ApplicationScoped
public class ComplianceService {

    static final Sorts<ComplianceBreach> SORTS = Sorts.byId((ComplianceBreach b) -> b.id, "placementStart")
            .with("placementStart", new SortColumn<>("e.placementStart", LocalDate.class, b -> b.placementStart))
            .with("detectedAt", new SortColumn<>("e.detectedAt", Instant.class, b -> b.detectedAt));

    /**
     * A placement this unit of work wrote, not cancelled, which the database may not hold yet (or holds
     * in an older version); the checked one included.
     */
    public record Pending(
            UUID id, UUID studentId, UUID firmId, String position, Kind kind, LocalDate start, LocalDate end) {}

    /** Filters of the breach list; null means any. */
    public record Filter(Integer year, UUID firmId, Rule rule, BreachStatus status) {}

    private final EntityManager em;
    private final Clock clock;
    private final CursorCodec cursors;
    private final ComplianceSettings settings;
    private final Map<Rule, Mode> modes;

    public ComplianceService(EntityManager em, Clock clock, CursorCodec cursors, ComplianceSettings settings) {
        this.em = em;
        this.clock = clock;
        this.cursors = cursors;
        this.settings = settings;
        this.modes = settings.modes();
    }

    public Mode mode(Rule rule) {
        return modes.get(rule);
    }

    public List<RuleResponse> rules() {
        return Arrays.stream(Rule.values())
                .map(r -> new RuleResponse(r, r.article(), r.summary(), modes.get(r)))
                .toList();
    }

    /**
     * The rules {@code subject} breaks, as its placement shows them; a 422 problem instead when one of
     * them is in BLOCK mode.
     *
     * @param pending what this unit of work wrote and the database may not hold yet, {@code subject} included
     * @param label how the problem names the placement
     * @param alreadyShown rules the placement already shows a breach of: a change that leaves such a
     *     breach is not refused for it (the data could not be corrected otherwise), one that adds a
     *     breach of a BLOCK rule is
     */
    public List<ComplianceStatus> check(
            Subject subject, Collection<Pending> pending, String label, Collection<Rule> alreadyShown) {
        List<RuleBook.Found> found = evaluate(subject, pending);
        List<RuleBreach> blocking = found.stream()
                .filter(f -> modes.get(f.rule()) == Mode.BLOCK && !alreadyShown.contains(f.rule()))
                .map(f -> new RuleBreach(f.rule().id(), f.rule().article(), f.detail()))
                .toList();
        // An ended placement is not refused: its data may still be corrected, and it shows what it breaks.
        if (!blocking.isEmpty() && !subject.ended()) {
            throw ProblemException.breaches(label, blocking);
        }
        return found.stream()
                .map(f -> new ComplianceStatus(f.rule(), modes.get(f.rule()), f.detail()))
                .toList();
    }

    /**
     * The rules {@code subject} breaks, never refused: for a placement checked again because something
     * it depends on changed (its firm's staff, another placement at the firm), not because it is written.
     */
    public List<ComplianceStatus> recheck(Subject subject, Collection<Pending> pending) {
        return evaluate(subject, pending).stream()
                .map(f -> new ComplianceStatus(f.rule(), modes.get(f.rule()), f.detail()))
                .toList();
    }

    private List<RuleBook.Found> evaluate(Subject subject, Collection<Pending> pending) {
        return RuleBook.evaluate(subject, counts(subject, pending), modes, settings::monthsFor, LocalDate.now(clock));
    }

    /**
     * Brings the breach list in step with what a placement now shows: new breaches open, changed ones
     * are updated, the ones it no longer shows are resolved.
     *
     * @param created the placement is new, so it has no breaches yet
     */
    public void record(Subject subject, List<ComplianceStatus> now, boolean created) {
        Map<String, ComplianceBreach> open = created
                ? Map.of()
                : ComplianceBreach.<ComplianceBreach>list(
                                "placementId = ?1 and status = ?2", subject.placementId(), BreachStatus.OPEN)
                        .stream()
                        .collect(Collectors.toMap(b -> b.rule, Function.identity()));
        Instant at = clock.instant();
        for (ComplianceStatus status : now) {
            ComplianceBreach breach = open.get(status.rule().id());
            boolean found = breach == null;
            if (found) {
                breach = new ComplianceBreach();
                breach.id = UUID.randomUUID();
                breach.placementId = subject.placementId();
                breach.rule = status.rule().id();
                breach.status = BreachStatus.OPEN;
                breach.detectedAt = at;
            }
            // Only real changes are written: an unchanged breach costs no statement.
            breach.firmId = subject.firmId();
            breach.studentId = subject.studentId();
            breach.mode = status.status();
            breach.detail = status.detail();
            breach.placementStart = subject.start();
            if (found) {
                breach.persist();
            }
        }
        List<String> still = now.stream().map(s -> s.rule().id()).toList();
        open.values().stream().filter(b -> !still.contains(b.rule)).forEach(b -> resolve(b, at));
    }

    /** A placement no longer counts (cancelled): its breaches are resolved. */
    public void resolveAll(UUID placementId) {
        Instant at = clock.instant();
        ComplianceBreach.<ComplianceBreach>list("placementId = ?1 and status = ?2", placementId, BreachStatus.OPEN)
                .forEach(b -> resolve(b, at));
    }

    @Transactional
    public Page<BreachResponse> list(Filter filter, String sort, PageRequest page) {
        LocalDate from = filter.year() == null ? null : LocalDate.of(filter.year(), 1, 1);
        return Listing.of(ComplianceBreach.class)
                .filter("status", filter.status(), "e.status = :status")
                .filter("firmId", filter.firmId(), "e.firmId = :firmId")
                .filter("rule", filter.rule() == null ? null : filter.rule().id(), "e.rule = :rule")
                .filter("yearStart", from, "e.placementStart >= :yearStart")
                .filter("yearEnd", from == null ? null : from.plusYears(1), "e.placementStart < :yearEnd")
                .page(em, cursors, SORTS.parse(sort), page, BreachResponse::of);
    }

    private static void resolve(ComplianceBreach breach, Instant at) {
        breach.status = BreachStatus.RESOLVED;
        breach.resolvedAt = at;
    }

    /** What the rules of {@code subject} count in the database; nothing for rules that are off or do not apply. */
    private Counts counts(Subject s, Collection<Pending> pending) {
        if (s.kind() != Kind.POST) {
            return new Counts(null, null, null, 0);
        }
        boolean shares = modes.get(Rule.FIRM_SHARE) != Mode.OFF || modes.get(Rule.POST_SHARE) != Mode.OFF;
        boolean length = modes.get(Rule.LENGTH) != Mode.OFF;
        // The stored versions of what is pending are left out of the counts; the pending ones added.
        // Only those at the firm or of the student can change the counts (a batch cannot move a
        // placement to another firm or student), so the statements stay small in a large batch.
        List<Pending> relevant = pending.stream()
                .filter(p -> p.firmId().equals(s.firmId()) || p.studentId().equals(s.studentId()))
                .toList();
        UUID[] except = relevant.stream().map(Pending::id).toArray(UUID[]::new);
        List<Pending> atFirm = relevant.stream()
                .filter(p -> p.kind() == Kind.POST && p.firmId().equals(s.firmId()))
                .toList();
        List<Pending> ofStudent = relevant.stream()
                .filter(p -> p.kind() == Kind.POST && p.studentId().equals(s.studentId()))
                .toList();
        return em.unwrap(Session.class).doReturningWork(c -> {
            Counts.Peak firm = null;
            Counts.Peak post = null;
            if (shares) {
                lockFirm(c, s.firmId());
                firm = peak(c, s, null, except, atFirm);
                if (s.position() != null) {
                    post = peak(
                            c,
                            s,
                            s.position(),
                            except,
                            atFirm.stream()
                                    .filter(p -> s.position().equals(p.position()))
                                    .toList());
                }
            }
            LocalDate first = s.start();
            long days = 0;
            if (length) {
                try (PreparedStatement q =
                        c.prepareStatement("select first_day, total_days from post_internship_days(?, ?)")) {
                    q.setObject(1, s.studentId());
                    q.setArray(2, c.createArrayOf("uuid", except));
                    try (ResultSet r = q.executeQuery()) {
                        r.next();
                        LocalDate stored = r.getObject(1, LocalDate.class);
                        days = r.getLong(2);
                        if (stored != null && stored.isBefore(first)) {
                            first = stored;
                        }
                    }
                }
                for (Pending p : ofStudent) {
                    days += p.end().toEpochDay() - p.start().toEpochDay() + 1;
                    if (p.start().isBefore(first)) {
                        first = p.start();
                    }
                }
            }
            return new Counts(firm, post, first, days);
        });
    }

    /** Serialises the share counts per firm until the transaction ends, across instances. */
    private static void lockFirm(Connection c, UUID firmId) throws SQLException {
        try (PreparedStatement lock =
                c.prepareStatement("select pg_advisory_xact_lock(hashtextextended('firm-interns:' || ?, 0))")) {
            lock.setString(1, firmId.toString());
            lock.execute();
        }
    }

    /** Takes the per-firm locks of several firms in one order, so that writers of many firms cannot deadlock. */
    public void lockFirms(Collection<UUID> firmIds) {
        if (modes.get(Rule.FIRM_SHARE) == Mode.OFF && modes.get(Rule.POST_SHARE) == Mode.OFF) {
            return;
        }
        List<UUID> ordered =
                firmIds.stream().filter(Objects::nonNull).distinct().sorted().toList();
        em.unwrap(Session.class).doWork(c -> {
            for (UUID firm : ordered) {
                lockFirm(c, firm);
            }
        });
    }

    private static Counts.Peak peak(Connection c, Subject s, String position, UUID[] except, List<Pending> extra)
            throws SQLException {
        try (PreparedStatement q =
                c.prepareStatement("select peak_day, interns from interns_at_peak(?, ?, ?, ?, ?, ?, ?)")) {
            q.setObject(1, s.firmId());
            q.setString(2, position);
            q.setObject(3, s.start());
            q.setObject(4, s.end());
            q.setArray(5, c.createArrayOf("uuid", except));
            q.setArray(
                    6,
                    c.createArrayOf(
                            "date",
                            extra.stream().map(p -> Date.valueOf(p.start())).toArray()));
            q.setArray(
                    7,
                    c.createArrayOf(
                            "date",
                            extra.stream().map(p -> Date.valueOf(p.end())).toArray()));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return new Counts.Peak(r.getObject(1, LocalDate.class), r.getLong(2));
            }
        }
    }
}
