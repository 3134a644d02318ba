package dev.arena.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml is valid and runs the built WAR on each server: checked with Debian's docker-compose, which
 * validates and normalises the file without a Docker engine ({@code .ci/run} installs it).
 */
class DockerComposeIT {
    private static String compose(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("docker-compose", "-f", "docker-compose.yml"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("docker-compose finished").isTrue();
        assertThat(p.exitValue()).as("docker-compose %s said:%n%s", String.join(" ", args), out).isZero();
        return out;
    }

    @Test
    void composeFileIsValidAndRunsTheWarOnEachServerWithAHealthCheck() throws Exception {
        compose("config", "-q");
        assertThat(compose("config", "--services").lines()).containsExactlyInAnyOrder("payara", "wildfly", "tomcat");
        String config = compose("config");
        assertThat(config).contains(
                "image: payara/micro:" + System.getProperty("payara.version", "6.2025.10"),
                "image: quay.io/wildfly/wildfly:" + System.getProperty("wildfly.version", "39.0.1.Final"),
                "image: tomcat:" + System.getProperty("tomcat.version", "10.1.59"),
                "target/arena.war:/opt/payara/deployments/arena.war:ro",
                "target/arena.war:/opt/jboss/wildfly/standalone/deployments/arena.war:ro",
                "target/arena.war:/usr/local/tomcat/webapps/arena.war:ro",
                "published: 8081", "published: 8082", "published: 8083",
                "--nohazelcast", "--disablephonehome");
        assertThat(config.split("http://127.0.0.1:8080/arena/health", -1)).as("one health check per server").hasSize(4);
    }
}
