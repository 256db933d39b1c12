package org.densitylab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the project (issue 14), checked with ArchUnit on the compiled main classes:
 * <ol>
 *   <li>no package cycle: every package below {@code org.densitylab} ({@code data} and {@code data.io},
 *       {@code kernel} and {@code kernel.runner} count separately) is a slice, and the slices form no cycle;</li>
 *   <li>{@code cli} is the entry point of the command line and nothing else may depend on it: not the shared core
 *       ({@code linalg}, {@code quantum}, {@code data}, {@code nn}, {@code plot}, {@code progress}, {@code util}),
 *       not the papers ({@code entanglement}, {@code marginals}), not {@code bench}, and not {@code kernel}, whose
 *       own entry points ({@code KernelMain}, {@code NotebookRunnerMain}) are called by the command line, never the
 *       other way round;</li>
 *   <li>{@code bench} is reached only from {@code cli} (the {@code bench} command): no core, paper or kernel class
 *       imports a benchmark.</li>
 * </ol>
 * The rules can fail: {@link #rulesFindBrokenPackages} applies them to {@code org.densitylab.archfixture} (test sources
 * only), which holds a two-package cycle, a core class importing the command line and a kernel class importing a
 * benchmark, and requires a violation of each. Checked once more by hand on the real code (5 December 2026): a
 * {@code static int x = org.densitylab.marginals.Mio.class.hashCode();} field added to {@code quantum.DensityMatrix}
 * (marginals already imports quantum) made {@link #mainPackagesFollowTheRules} fail with "Cycle detected: Slice
 * marginals -&gt; Slice quantum -&gt; Slice marginals".
 */
class ArchitectureTest extends QuietTest {
    private static final String ROOT = "org.densitylab";

    /** @return the three rules for the packages below {@code root} */
    static List<ArchRule> rules(String root) {
        return List.of(
                slices().matching(root + ".(**)").should().beFreeOfCycles(),
                noClasses().that().resideOutsideOfPackage(root + ".cli..")
                        .should().dependOnClassesThat().resideInAPackage(root + ".cli.."),
                noClasses().that().resideOutsideOfPackages(root + ".cli..", root + ".bench..")
                        .should().dependOnClassesThat().resideInAPackage(root + ".bench.."));
    }

    @Test
    void mainPackagesFollowTheRules() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        assertTrue(main.size() > 100, "main classes imported: " + main.size());
        for (ArchRule rule : rules(ROOT)) {
            EvaluationResult result = rule.evaluate(main);
            assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
        }
    }

    @Test
    void rulesFindBrokenPackages() {
        JavaClasses fixture = new ClassFileImporter().importPackages(ROOT + ".archfixture");
        List<ArchRule> rules = rules(ROOT + ".archfixture");
        String cycle = rules.get(0).evaluate(fixture).getFailureReport().toString();
        assertTrue(cycle.contains("Cycle detected") && cycle.contains("Slice a") && cycle.contains("Slice b"), cycle);
        String cli = rules.get(1).evaluate(fixture).getFailureReport().toString();
        assertTrue(cli.contains("archfixture.quantum.Core") && cli.contains("archfixture.cli.Command"), cli);
        String bench = rules.get(2).evaluate(fixture).getFailureReport().toString();
        assertTrue(bench.contains("archfixture.kernel.Kernel") && bench.contains("archfixture.bench.Timer"), bench);
    }
}
