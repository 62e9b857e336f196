package org.placementtracker.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.resteasy.reactive.RestResponse;
import org.placementtracker.batch.BatchImport;
import org.placementtracker.changes.ChangeFeedService;
import org.placementtracker.common.Created;
import org.placementtracker.common.MultiStatus;
import org.placementtracker.common.ProblemMapper;
import org.placementtracker.compliance.ComplianceService;
import org.placementtracker.demo.DemoData;
import org.placementtracker.idempotency.IdempotencyStore;
import org.placementtracker.report.PlacementCounts;
import org.placementtracker.report.ReportSubjects;
import org.placementtracker.security.ApiKeyService;
import org.placementtracker.security.PartnerConnections;
import org.placementtracker.student.IdNumberEncryption;
import org.placementtracker.student.StudentService;

/**
 * The house rules of the code's layout (see README, "Project layout"), checked on every build.
 * Each exception is named here with the reason it is one.
 */
@AnalyzeClasses(packages = "org.placementtracker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "org.placementtracker";

    /** The class of that name, and the classes nested in it (for one that is not public). */
    private static DescribedPredicate<JavaClass> belongTo(String name) {
        return DescribedPredicate.describe("belong to " + name, type -> {
            for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
                if (c.getName().equals(name)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** A feature may use another, never in a circle: each package can be read and changed on its own. */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages =
            slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

    /** What every feature shares knows no feature. */
    @ArchTest
    static final ArchRule commonKnowsNoFeature = classes()
            .that()
            .resideInAPackage(ROOT + ".common..")
            .should()
            .onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..").or(resideInAPackage(ROOT + ".common..")));

    /**
     * HTTP answers are made by resources; besides them only the problem mapper, the helpers that
     * shape a resource's answer, and the idempotency store, which keeps and replays whole answers.
     */
    @ArchTest
    static final ArchRule onlyResourcesMakeHttpAnswers = noClasses()
            .that()
            .areNotAnnotatedWith(Path.class)
            .and(not(belongToAnyOf(ProblemMapper.class, Created.class, MultiStatus.class, IdempotencyStore.class)))
            .should()
            .dependOnClassesThat(belongToAnyOf(
                    Response.class,
                    Response.ResponseBuilder.class,
                    RestResponse.class,
                    RestResponse.ResponseBuilder.class));

    /**
     * Services are the transaction boundary. Besides them: demo data and the ID-number key rotation
     * (run at start, not by a request), the idempotency store (a keyed request and its stored answer
     * commit together) and the batch import (one transaction for all rows, or one per row).
     */
    @ArchTest
    static final ArchRule onlyServicesOpenTransactions = noClasses()
            .that()
            .haveSimpleNameNotEndingWith("Service")
            .and(not(
                    belongToAnyOf(DemoData.class, IdNumberEncryption.class, IdempotencyStore.class, BatchImport.class)))
            .should()
            .dependOnClassesThat(
                    belongToAnyOf(Transactional.class, QuarkusTransaction.class, TransactionConfiguration.class));

    /** Resources speak records: an entity never crosses the HTTP boundary, in or out. */
    @ArchTest
    static final ArchRule noEntityInAResourceSignature = methods()
            .that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(Path.class)
            .should(new ArchCondition<JavaMethod>("not take or return an entity") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    Set<JavaClass> involved =
                            new HashSet<>(method.getReturnType().getAllInvolvedRawTypes());
                    for (JavaParameter parameter : method.getParameters()) {
                        involved.addAll(parameter.getType().getAllInvolvedRawTypes());
                    }
                    for (JavaClass type : involved) {
                        if (type.isAnnotatedWith(Entity.class)) {
                            events.add(SimpleConditionEvent.violated(
                                    method, method.getFullName() + " exposes the entity " + type.getName()));
                        }
                    }
                }
            });

    /**
     * Every operation names the roles that may call it, on its own method: the one place a reader (and
     * the OpenAPI document's x-roles) learns who may call it. One without a declaration would be
     * refused to everyone at run time (quarkus.security.jaxrs.deny-unannotated-endpoints); here it
     * fails the build.
     */
    @ArchTest
    static final ArchRule everyOperationDeclaresItsRoles = methods()
            .that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(Path.class)
            .and()
            .areAnnotatedWith(GET.class)
            .or()
            .areAnnotatedWith(POST.class)
            .or()
            .areAnnotatedWith(PATCH.class)
            .or()
            .areAnnotatedWith(PUT.class)
            .or()
            .areAnnotatedWith(DELETE.class)
            .should()
            .beAnnotatedWith(RolesAllowed.class);

    /** Resources are thin: they read the request and call their service, never the database. */
    @ArchTest
    static final ArchRule resourcesLeaveTheDatabaseToServices = noClasses()
            .that()
            .areAnnotatedWith(Path.class)
            .should()
            .dependOnClassesThat(belongToAnyOf(EntityManager.class, DataSource.class, AgroalDataSource.class))
            .orShould()
            .dependOnClassesThat()
            .areAnnotatedWith(Entity.class);

    /** Lower layers never reach up: services and entities know no resource. */
    @ArchTest
    static final ArchRule nothingDependsOnAResource = noClasses()
            .that()
            .areNotAnnotatedWith(Path.class)
            .should()
            .dependOnClassesThat()
            .areAnnotatedWith(Path.class);

    /** Entities hold state and their own rules; they call no service. */
    @ArchTest
    static final ArchRule entitiesCallNoService = noClasses()
            .that()
            .areAnnotatedWith(Entity.class)
            .should()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("Service");

    /**
     * Plain JDBC only where the README's data-access rule puts it: reports and the change feed
     * (set-based SQL and PostgreSQL's transaction functions), the API-key lookup (every request,
     * before its transaction), the partner scope set on each connection a partner's request takes,
     * set-based reads and writes of a batch through the session's connection, the internship rules'
     * counts (SQL functions over the session's connection, which must not flush a batch's rows), and
     * the bulk paths of demo data and database start-up.
     */
    @ArchTest
    static final ArchRule plainJdbcOnlyWhereTheRuleSays = noClasses()
            .that(not(belongToAnyOf(
                            PlacementCounts.class,
                            ReportSubjects.class,
                            ChangeFeedService.class,
                            ApiKeyService.class,
                            PartnerConnections.class,
                            StudentService.class,
                            ComplianceService.class))
                    .and(not(belongTo(ROOT + ".placement.PrefetchedFacts"))))
            .and()
            .resideOutsideOfPackages(ROOT + ".demo..", ROOT + ".boot..")
            .should()
            .dependOnClassesThat(belongToAnyOf(
                    Connection.class,
                    Statement.class,
                    PreparedStatement.class,
                    ResultSet.class,
                    DataSource.class,
                    AgroalDataSource.class));
}
