package org.placementtracker.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Habits of the tests themselves. */
@AnalyzeClasses(packages = "org.placementtracker", importOptions = ImportOption.OnlyIncludeTests.class)
class TestHabitsTest {

    /**
     * A test does not sleep: it moves the service's clock (support/TestClock) or awaits the condition
     * with Awaitility. Sleeping makes a suite slow and, on a busy machine, flaky. Benchmarks, which
     * pace load on purpose, are exempt.
     */
    @ArchTest
    static final ArchRule testsDoNotSleep = noClasses()
            .that()
            .resideOutsideOfPackage("org.placementtracker.benchmark..")
            .should()
            .callMethod(Thread.class, "sleep", long.class)
            .orShould()
            .callMethod(Thread.class, "sleep", long.class, int.class)
            .orShould()
            .callMethod(Thread.class, "sleep", Duration.class)
            .orShould()
            .callMethod(TimeUnit.class, "sleep", long.class);
}
