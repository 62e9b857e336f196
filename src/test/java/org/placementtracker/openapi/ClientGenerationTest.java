package org.placementtracker.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Clients generated from the committed contract, as an integrator generates them, must come out
 * without a warning about the document and must compile. The build has already generated the Java
 * client (the {@code generate-java-client} execution in pom.xml, whose log this test reads) and
 * compiled it with the tests; {@link ClientScenarioTest} uses it against the running service. This
 * test generates the TypeScript client and compiles it, with the README's example, using
 * {@code tsc} from the npm registry.
 */
class ClientGenerationTest {

    private static final Path CLIENTS = Path.of("target/clients");
    private static final Path GENERATOR = CLIENTS.resolve("openapi-generator-cli.jar");

    /**
     * The generator's notice about its own OpenAPI 3.1 support, printed for every 3.1 document
     * whatever it holds (SmallRye OpenAPI writes 3.1). It says nothing about this document.
     */
    private static final String THREE_ONE_NOTICE = "OpenAPI 3.1 support is still in beta";

    @Test
    void theJavaClientWasGeneratedWithoutWarnings() throws IOException {
        Path log = CLIENTS.resolve("java-generator.log");
        assertTrue(Files.exists(log), "run the build (./mvnw verify), which generates the Java client first");
        assertEquals(List.of(), warnings(Files.readAllLines(log, StandardCharsets.UTF_8)));
        assertTrue(
                Files.exists(CLIENTS.resolve("java/src/main/java/org/placementtracker/client/api/PlacementsApi.java")));
    }

    @Test
    void theTypeScriptClientIsGeneratedWithoutWarningsAndCompiles() throws Exception {
        Path project = CLIENTS.resolve("typescript");
        deleteTree(project);
        Files.createDirectories(project);
        Path sources = Path.of("src/test/clients/typescript");
        for (String file : List.of("package.json", "package-lock.json", "tsconfig.json", "example.ts")) {
            Files.copy(sources.resolve(file), project.resolve(file));
        }

        Run generation = run(
                Path.of("."),
                javaCommand(),
                "-jar",
                GENERATOR.toString(),
                "generate",
                "--config",
                "src/test/clients/typescript.yaml");
        assertEquals(0, generation.exit(), generation.output());
        assertEquals(List.of(), warnings(generation.output().lines().toList()));

        Run install = run(project, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        assertEquals(0, install.exit(), install.output());
        Run compile = run(project, "node", "node_modules/typescript/bin/tsc", "-p", ".");
        assertEquals(0, compile.exit(), "tsc failed:\n" + compile.output());
    }

    /** The generator's WARN and ERROR lines, apart from its notice about OpenAPI 3.1 itself. */
    private static List<String> warnings(List<String> log) {
        List<String> warnings = new ArrayList<>();
        for (String line : log) {
            if ((line.contains(" WARN ") || line.contains(" ERROR ")) && !line.contains(THREE_ONE_NOTICE)) {
                warnings.add(line);
            }
        }
        return warnings;
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Run(int exit, String output) {}

    private static Run run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish:\n" + output);
        }
        return new Run(process.exitValue(), output);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path :
                    paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
