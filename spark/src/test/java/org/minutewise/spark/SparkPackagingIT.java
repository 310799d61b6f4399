package org.minutewise.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The job's jar as spark-submit gets it (run after {@code package}): the project's classes and data files and its
 * own libraries inside, Spark, Scala and the Jackson Spark ships left out, the main class in the manifest; and the
 * local runner's list of Spark jars on the same Spark version as the build.
 */
class SparkPackagingIT {
    private static final Path JAR = Path.of("target", "minutewise-spark.jar");

    @Test
    void theShadedJarHoldsTheJobAndNotSpark() throws IOException {
        assertThat(JAR).exists();
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            jar.stream().forEach(e -> names.add(e.getName()));
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("org.minutewise.spark.SparkAudit");
        }
        assertThat(names).contains("org/minutewise/spark/SparkAudit.class", "org/minutewise/spark/AuditJob.class",
                "org/minutewise/core/check/VisitChecker.class", "org/minutewise/formats/audit/VisitAudit.class",
                "org/minutewise/refdata/codes.csv", "picocli/CommandLine.class", "log4j2.properties");
        assertThat(names).noneMatch(n -> n.startsWith("org/apache/spark/"))
                .noneMatch(n -> n.startsWith("scala/"))
                .noneMatch(n -> n.startsWith("com/fasterxml/jackson/"))
                .noneMatch(n -> n.startsWith("org/apache/hadoop/"));
    }

    @Test
    void theLocalRunnerUsesTheSparkVersionOfTheBuild() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String local = Files.readString(Path.of("local-spark.xml"));
        Pattern version = Pattern.compile("<spark.version>([^<]+)</spark.version>");
        Matcher a = version.matcher(pom);
        Matcher b = version.matcher(local);
        assertThat(a.find()).isTrue();
        assertThat(b.find()).isTrue();
        assertThat(b.group(1)).isEqualTo(a.group(1));
    }
}
