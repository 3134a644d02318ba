package dev.arena.load;

import dev.arena.support.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * How the load generator starts the packaged WAR ({@code target/arena.war}) on the servers the build downloads into
 * {@code target/} (the same ones the Arquillian tests use, started the same way: everything on 127.0.0.1, Payara
 * Micro without Hazelcast and phone-home), each in a process and a server directory of its own under the
 * generator's output directory, on the ports of the {@code payara.*}, {@code wildfly.*} and {@code tomcat.*}
 * properties (the pom passes its own). The WAR is deployed at {@code /arena}.
 */
final class AppServers {
    private AppServers() {}

    /** A process to start and the application's root URI once it runs. */
    record Launch(ProcessBuilder builder, URI base) {}

    static Launch launch(String target, List<String> jvm, Path out) throws IOException {
        Path war = Boolean.getBoolean("load.floor") ? dev.arena.load.floor.FloorWar.write(out.resolve("floor"))
                : Path.of(required("arena.war"));
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException(war + " is missing: build it first (mvn -DskipTests verify)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return switch (target) {
            case "payara" -> payara(java, jvm, war, out.resolve("payara"));
            case "wildfly" -> wildfly(jvm, war, out.resolve("wildfly"));
            case "tomcat" -> tomcat(jvm, war, out.resolve("tomcat"));
            default -> throw new IllegalArgumentException("load.target: dev, payara, wildfly or tomcat, not " + target);
        };
    }

    private static Launch payara(String java, List<String> jvm, Path war, Path dir) throws IOException {
        fresh(dir);
        String port = required("payara.http.port");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvm);
        command.add("-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")));
        command.addAll(List.of("-jar", required("payara.micro.jar"), "--deploy", war.toString(),
                "--contextroot", "arena", "--port", port, "--nohazelcast", "--disablephonehome",
                "--rootdir", dir.resolve("root").toString(),
                "--prebootcommandfile", required("payara.preboot")));
        return new Launch(new ProcessBuilder(command).directory(dir.toFile()), root(port));
    }

    /** WildFly's standalone.sh (which runs the JVM as its child) on a copy of its standalone/ configuration. */
    private static Launch wildfly(List<String> jvm, Path war, Path dir) throws IOException {
        Path home = Path.of(required("wildfly.home"));
        fresh(dir);
        FileTrees.copy(home.resolve("standalone/configuration"), dir.resolve("configuration"));
        Files.createDirectories(dir.resolve("deployments"));
        Files.copy(war, dir.resolve("deployments/arena.war"));
        List<String> opts = new ArrayList<>(jvm);
        opts.addAll(List.of("-Djboss.server.base.dir=" + dir.toAbsolutePath(),
                "-Djboss.socket.binding.port-offset=" + required("wildfly.port.offset"),
                "-Djboss.bind.address=127.0.0.1", "-Djboss.bind.address.management=127.0.0.1"));
        ProcessBuilder b = new ProcessBuilder("bash", home.resolve("bin/standalone.sh").toString())
                .directory(dir.toFile());
        b.environment().put("JAVA_HOME", System.getProperty("java.home"));
        b.environment().put("JAVA_OPTS", String.join(" ", opts));
        b.environment().remove("LAUNCH_JBOSS_IN_BACKGROUND");
        return new Launch(b, root(required("wildfly.http.port")));
    }

    /** Tomcat's catalina.sh run (which execs the JVM) with a CATALINA_BASE of its own and the test server.xml. */
    private static Launch tomcat(List<String> jvm, Path war, Path dir) throws IOException {
        Path home = Path.of(required("tomcat.home"));
        fresh(dir);
        Path conf = Files.createDirectories(dir.resolve("conf"));
        try (Stream<Path> files = Files.list(home.resolve("conf"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, conf.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String template = Files.readString(Path.of(System.getProperty("load.tomcatServerXml",
                "src/test/tomcat/conf/server.xml")));
        Files.writeString(conf.resolve("server.xml"), template
                .replace("${tomcat.shutdown.port}", required("tomcat.shutdown.port"))
                .replace("${tomcat.http.port}", required("tomcat.http.port")));
        for (String d : List.of("webapps", "logs", "temp", "work")) {
            Files.createDirectories(dir.resolve(d));
        }
        Files.copy(war, dir.resolve("webapps/arena.war"));
        ProcessBuilder b = new ProcessBuilder("bash", home.resolve("bin/catalina.sh").toString(), "run")
                .directory(dir.toFile());
        b.environment().put("JAVA_HOME", System.getProperty("java.home"));
        b.environment().put("CATALINA_HOME", home.toAbsolutePath().toString());
        b.environment().put("CATALINA_BASE", dir.toAbsolutePath().toString());
        b.environment().put("CATALINA_OPTS", String.join(" ", jvm));
        b.environment().remove("JAVA_OPTS");
        return new Launch(b, root(required("tomcat.http.port")));
    }

    private static URI root(String port) {
        return URI.create("http://127.0.0.1:" + port + "/arena/");
    }

    private static String required(String key) {
        String v = System.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("-D" + key + " is not set (the pom's load profile passes it)");
        }
        return v;
    }

    private static void fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        Files.createDirectories(dir);
    }
}
