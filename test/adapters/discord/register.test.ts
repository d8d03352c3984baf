import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { PROJECT_ROOT } from "../../../src/config.js";
import { Registry } from "../../../src/core/registry.js";
import { registerCommands } from "../../../src/adapters/discord/register.js";
import { KNOWLEDGE_DIR, testConfig } from "../../support/app.js";
import { FakeDiscord, type RecordedRequest } from "./fake-discord.js";

const visible = new Registry(commands).visible;
/** `/attache`, then every visible command that takes an argument, in help order. */
const expectedNames = ["attache", ...visible.filter((command) => command.argument).map((command) => command.name)];

describe("npm run discord:register", () => {
  let fake: FakeDiscord;
  const puts = () => fake.requests.filter((request) => request.method === "PUT");
  const settings = (extra: Record<string, string> = {}) => ({
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.world.applicationId,
    DISCORD_API_URL: fake.apiUrl,
    ...extra,
  });

  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });

  afterAll(async () => {
    await fake?.close();
  });

  it("given DISCORD_GUILD_ID, then one bulk PUT to that guild carries every command, and it says so", async () => {
    const before = puts().length;
    const printed: string[] = [];
    const result = await registerCommands(testConfig(settings({ DISCORD_GUILD_ID: fake.world.guild.id })), (line) => printed.push(line));

    expect(puts()).toHaveLength(before + 1);
    const put = puts().at(-1) as RecordedRequest;
    expect(put.path).toBe(`/applications/${fake.world.applicationId}/guilds/${fake.world.guild.id}/commands`);
    expect(put.authorization).toBe(`Bot ${fake.token}`);
    expect(put.body.map((command: { name: string }) => command.name)).toEqual(expectedNames);
    expect(expectedNames).toEqual(expect.arrayContaining(["search", "concept", "partnership"]));
    expect(result).toEqual({ scope: "guild", route: put.path, names: expectedNames });
    expect(printed[0]).toBe(`Registered ${expectedNames.length} slash commands in guild ${fake.world.guild.id} (available at once):`);
    for (const name of expectedNames) expect(printed.some((line) => line.startsWith(`  /${name}: `))).toBe(true);
  });

  it("given no DISCORD_GUILD_ID, then the bulk PUT goes to the global commands", async () => {
    const result = await registerCommands(testConfig(settings()), () => {});
    expect(result.scope).toBe("global");
    expect(puts().at(-1)?.path).toBe(`/applications/${fake.world.applicationId}/commands`);
  });

  it("given the commands, then each is a valid chat-input command with one string option, autocompleted where it names entries", async () => {
    await registerCommands(testConfig(settings()), () => {});
    const body = puts().at(-1)?.body as Array<Record<string, any>>;
    for (const command of body) {
      expect(command.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect(command.type).toBe(1);
      expect(command.options).toHaveLength(1);
      const [option] = command.options;
      expect(option.type).toBe(3);
      expect(option.description.length).toBeLessThanOrEqual(100);
      const definition = visible.find((candidate) => candidate.name === command.name);
      if (definition?.argument) {
        expect(option).toMatchObject({ name: definition.argument.name, required: definition.argument.required, autocomplete: definition.argument.completes !== undefined });
      }
    }
    expect(body[0]).toMatchObject({ name: "attache", options: [{ name: "message", required: true, autocomplete: false }] });
    expect(body.find((command) => command.name === "concept")?.options[0]).toMatchObject({ name: "name", autocomplete: true });
  });

  it("given registering twice, then Discord ends with the same commands (a bulk overwrite, not additions)", async () => {
    await registerCommands(testConfig(settings()), () => {});
    await registerCommands(testConfig(settings()), () => {});
    const [previous, last] = puts().slice(-2);
    expect(last?.body).toEqual(previous?.body);
    expect(fake.commands.get(`/applications/${fake.world.applicationId}/commands`)?.map((command) => command.name)).toEqual(expectedNames);
  });

  it("given a missing token or application id, then the error names the variable to set and nothing is sent", async () => {
    const before = fake.requests.length;
    await expect(registerCommands(testConfig({ DISCORD_APPLICATION_ID: "1" }), () => {})).rejects.toThrow(/^Set DISCORD_TOKEN: /);
    await expect(registerCommands(testConfig({ DISCORD_TOKEN: "t" }), () => {})).rejects.toThrow(/^Set DISCORD_APPLICATION_ID: /);
    expect(fake.requests).toHaveLength(before);
  });

  it("given a token Discord refuses, then the error says to fix DISCORD_TOKEN", async () => {
    await expect(registerCommands(testConfig(settings({ DISCORD_TOKEN: "wrong" })), () => {})).rejects.toThrow(/Discord refused DISCORD_TOKEN \(401\)/);
  });

  it("given the npm script is run, then it registers and prints what it did", async () => {
    const run = promisify(execFile);
    const env = { PATH: process.env.PATH, KNOWLEDGE_DIR, ...settings({ DISCORD_GUILD_ID: fake.world.guild.id }) };
    const { stdout } = await run(process.execPath, ["--import", "tsx", "src/adapters/discord/register.ts"], { cwd: PROJECT_ROOT, env });
    expect(stdout).toContain(`Registered ${expectedNames.length} slash commands in guild ${fake.world.guild.id}`);

    // Set but empty, so that a developer's .env (which never overrides) cannot fill it in.
    const withoutToken = { ...env, DISCORD_TOKEN: "" };
    const failed = await run(process.execPath, ["--import", "tsx", "src/adapters/discord/register.ts"], { cwd: PROJECT_ROOT, env: withoutToken }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringMatching(/^discord:register: Set DISCORD_TOKEN: /) });
  });
});
