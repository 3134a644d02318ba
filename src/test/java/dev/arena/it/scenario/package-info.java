/**
 * The WebSocket and HTTP scenarios that hold on every target: the in-JVM dev server and the packaged WAR on Payara
 * Micro, WildFly and Tomcat. Each is a JUnit 5 test interface whose default methods are the tests; they see the
 * server only through {@link dev.arena.support.ArenaTarget} (over loopback, from outside) and its name, which says
 * which documented differences to expect. {@link dev.arena.it.scenario.AllScenarios} is the set;
 * {@code it/DevServerScenariosIT} runs it against the dev server, {@code it/DeployedWarIT} against the WAR on the server
 * the switch {@code arena.it.target} names (one deployment per server). Scenarios that need the dev server's
 * internals, a test-only setting or its log stay in the other {@code it/*IT} classes, which say so (docs/testing.md).
 */
package dev.arena.it.scenario;
