package dev.arena.it.scenario;

/** Every shared scenario: what {@code DevServerScenariosIT} and {@code DeployedWarIT} run, so both run the same. */
public interface AllScenarios
        extends HttpScenarios, PlayScenarios, BadInputScenarios, PartyScenarios, ResumeScenarios, EdgeScenarios,
        GameScenarios, ClientScenarios, BrowserScenarios {}
