package io.watchpost.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The core never imports JavaFX, and views never reach the database directly (as JabRef keeps its logic free of UI). */
@AnalyzeClasses(packages = "io.watchpost", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CORE = {"io.watchpost.source..", "io.watchpost.normalize..", "io.watchpost.store..",
            "io.watchpost.query..", "io.watchpost.detect..", "io.watchpost.sync..", "io.watchpost.cli..", "io.watchpost.bench..",
            "io.watchpost.background.."};

    @ArchTest
    static final ArchRule coreIsFreeOfJavaFx = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.fair_acc..", "org.controlsfx..");

    @ArchTest
    static final ArchRule coreDoesNotReachIntoTheUi = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("io.watchpost.ui..");

    @ArchTest
    static final ArchRule viewsHoldNoSql = noClasses().that().resideInAPackage("io.watchpost.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.h2..", "org.postgresql..");
}
